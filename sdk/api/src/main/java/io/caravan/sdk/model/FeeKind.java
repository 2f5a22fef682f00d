package io.caravan.sdk.model;

/**
 * What a fee on a cart is for. New kinds may be added in a minor version.
 */
public enum FeeKind {
    /** A charge for the payment method the shopper chose (the cash-on-delivery fee). */
    PAYMENT_METHOD,
    /** Handling or packing (gift wrap, special packing). */
    HANDLING,
    /** A surcharge the store adds (small-order surcharge, remote-area surcharge). */
    SURCHARGE,
    /** Anything else. */
    OTHER
}
