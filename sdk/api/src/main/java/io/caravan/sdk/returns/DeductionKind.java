package io.caravan.sdk.returns;

/**
 * Why part of a refund is kept back. New kinds may be added in a minor version.
 */
public enum DeductionKind {
    /** The store's restocking fee, where the law allows one. */
    RESTOCKING_FEE,
    /** The return postage, when the shopper pays it ({@link ReturnShippingPayer#SHOPPER}). */
    RETURN_SHIPPING,
    /** Goods handled beyond what was needed to inspect them lost value (the EU allows this deduction). */
    DIMINISHED_VALUE
}
