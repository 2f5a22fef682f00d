package io.caravan.sdk.model;

/**
 * The order-lifecycle events a plugin can subscribe to (in its descriptor's
 * {@code permissions.events}) and receive. New types may be added in a minor version.
 */
public enum OrderEventType {
    /** The order was placed (payment may still be pending). */
    PLACED,
    /** Payment for the order was confirmed. */
    PAID,
    /** The order was cancelled before shipping. */
    CANCELLED,
    /** A parcel of the order left the warehouse. */
    SHIPPED,
    /** The order was delivered. */
    DELIVERED,
    /** The shopper asked to return some lines. */
    RETURN_REQUESTED,
    /** Returned goods arrived back and were inspected. */
    RETURN_RECEIVED,
    /** Money was refunded to the shopper (part or all of the order). */
    REFUNDED
}
