package io.caravan.platform.catalog.domain;

/**
 * What the returns, shipping and tax rules need to know about a variant. The names are the SDK's
 * coming {@code LineFlag}, so the checkout maps them one to one.
 */
public enum VariantFlag {
    /** Made to the shopper's order (engraving, monogram): usually not returnable. */
    PERSONALISED,
    /** Sealed for hygiene (earrings, cosmetics): not returnable once unsealed. */
    SEALED_HYGIENE,
    /** Goes off (food, flowers): short transit, not returnable. */
    PERISHABLE,
    /** Delivered electronically: no shipping, no stock. */
    DIGITAL,
    /** Dangerous goods (batteries, aerosols): carriers restrict it. */
    HAZARDOUS,
    /** Breaks easily (ceramics, glass): packed and insured accordingly. */
    FRAGILE
}
