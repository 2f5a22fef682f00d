package io.caravan.sdk.model;

/**
 * A fact about a product that changes how it may be shipped or returned. The merchant sets flags on
 * the product in the catalogue; the platform copies them onto every line. New flags may be added in
 * a minor version.
 */
public enum LineFlag {
    /** Made to the shopper's order (engraving, custom print): usually not returnable. */
    PERSONALISED,
    /** Hygiene goods in a seal (cosmetics, underwear, earphones): returnable only unopened. */
    SEALED_HYGIENE,
    /** Goods that spoil (food, flowers): not returnable, and not for slow services. */
    PERISHABLE,
    /** Nothing physical to ship (a download, a gift card code). */
    DIGITAL,
    /** Dangerous goods (lithium batteries, aerosols, flammables): many carriers refuse them by air. */
    HAZARDOUS,
    /** Breakable goods that need careful packing or a service with handling. */
    FRAGILE
}
