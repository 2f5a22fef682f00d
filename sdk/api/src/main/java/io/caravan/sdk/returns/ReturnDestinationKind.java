package io.caravan.sdk.returns;

/**
 * Where returned goods go, and why there. New kinds may be added in a minor version.
 */
public enum ReturnDestinationKind {
    /** The store's warehouse nearest to the shopper (an overseas warehouse in the shopper's region). */
    NEAREST_WAREHOUSE,
    /** A local returns hub that consolidates returns before they travel on (no second customs crossing per parcel). */
    RETURNS_HUB,
    /** Back to where the goods were shipped from (the origin hub). */
    ORIGIN,
    /** Nowhere: the shopper keeps the goods and is refunded, because shipping them back costs more than they are worth. */
    KEEP_IT
}
