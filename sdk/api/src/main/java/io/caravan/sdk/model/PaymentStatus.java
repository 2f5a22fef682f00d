package io.caravan.sdk.model;

/**
 * The payment facet of an order, derived by the platform from the payments' amounts (authorised,
 * captured, refunded, pending of each), never set by a plugin. New states may be added in a minor
 * version.
 */
public enum PaymentStatus {
    /** Nothing paid or authorised yet, and nothing pending (cash on delivery before collection). */
    NOT_PAID,
    /** A payment is pending at the provider (a voucher, a bank transfer, an action the shopper has to take). */
    PENDING,
    /** The order total is authorised, not captured yet. */
    AUTHORIZED,
    /** Part of the authorised amount has been captured. */
    PARTIALLY_CAPTURED,
    /** The order total has been captured (or paid, for methods that capture at once). */
    PAID,
    /** Part of the captured amount has been refunded. */
    PARTIALLY_REFUNDED,
    /** Everything captured has been refunded. */
    REFUNDED,
    /** The authorisation was released without a capture. */
    VOIDED,
    /** Every attempt failed or expired; nothing is authorised or pending. */
    FAILED
}
