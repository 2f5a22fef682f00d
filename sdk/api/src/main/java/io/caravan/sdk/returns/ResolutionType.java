package io.caravan.sdk.returns;

/**
 * What the shopper gets for a returned line. New types may be added in a minor version.
 */
public enum ResolutionType {
    /** The money back, to the payment that took it (or by bank transfer for cash on delivery). */
    REFUND,
    /** The same item again (a defective or damaged one replaced). */
    REPLACEMENT,
    /** Another variant of the product instead (another size or colour). */
    EXCHANGE,
    /** Credit for a later purchase in the store instead of money. */
    STORE_CREDIT
}
