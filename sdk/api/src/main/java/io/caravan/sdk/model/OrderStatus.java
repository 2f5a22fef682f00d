package io.caravan.sdk.model;

/**
 * Where an order is in its life. New states may be added in a minor version.
 */
public enum OrderStatus {
    /** Placed, payment not yet confirmed (asynchronous methods, bank transfer, vouchers). */
    PENDING_PAYMENT,
    /** Placed and confirmed without prior payment (cash on delivery, after the confirmation call). */
    CONFIRMED,
    /** Paid in full. */
    PAID,
    /** Some parcels have left the warehouse. */
    PARTIALLY_SHIPPED,
    /** Every parcel has left the warehouse. */
    SHIPPED,
    /** Delivered to the shopper. */
    DELIVERED,
    /** Cancelled before shipping; any authorization is voided. */
    CANCELLED,
    /** Part of the amount has been refunded. */
    PARTIALLY_REFUNDED,
    /** The whole amount has been refunded. */
    REFUNDED
}
