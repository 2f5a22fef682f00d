package io.caravan.sdk.returns;

/**
 * Who pays the return shipment's postage.
 */
public enum ReturnShippingPayer {
    /** The store pays (faulty goods, a wrong item, or the store's generosity). */
    STORE,
    /** The shopper pays, deducted from the refund (where the law and the store's terms allow). */
    SHOPPER
}
