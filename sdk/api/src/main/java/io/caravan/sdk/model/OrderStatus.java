package io.caravan.sdk.model;

/**
 * Where an order is in its life, the lifecycle facet only: how the payment, the fulfilment and
 * the returns stand are separate facets ({@link PaymentStatus}, {@link FulfilmentStatus},
 * {@link ReturnStatus}) that move independently (a cash-on-delivery order is shipped before it is
 * paid; a paid order may be partly returned). New states may be added in a minor version.
 */
public enum OrderStatus {
    /** Placed: the price and the stock reservation are fixed; payment may still be open. */
    PLACED,
    /** Confirmed: paid or authorised, or (cash on delivery) confirmed with the shopper; may be released to the warehouse. */
    CONFIRMED,
    /** Cancelled before shipping; any authorisation is voided and any capture refunded. */
    CANCELLED,
    /** Done: delivered, and paid or settled; only returns may follow. */
    COMPLETED
}
