package io.caravan.sdk.events;

/**
 * Who cancelled an order. New values may be added in a minor version.
 */
public enum CancelledBy {
    /** The merchant or the store's staff. */
    MERCHANT,
    /** The shopper (where the store lets shoppers cancel). */
    SHOPPER,
    /** The platform itself: every payment failed or expired, a cash-on-delivery order was not confirmed. */
    PLATFORM
}
