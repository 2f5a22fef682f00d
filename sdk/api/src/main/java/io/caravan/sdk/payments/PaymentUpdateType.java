package io.caravan.sdk.payments;

/**
 * What a provider notification says happened to a payment. New types may be added in a minor version.
 */
public enum PaymentUpdateType {
    /** A pending or action-required authorisation succeeded: the amount is reserved. */
    AUTHORIZED,
    /** A pending or action-required authorisation failed (declined, the shopper abandoned, the voucher was not paid). */
    AUTHORIZATION_FAILED,
    /** An authorisation or a pending payment lapsed at the provider without a capture. */
    AUTHORIZATION_EXPIRED,
    /** Money was taken (a capture, or a pending payment such as a voucher or transfer was paid). */
    CAPTURED,
    /** A capture failed at the provider. */
    CAPTURE_FAILED,
    /** An authorisation was released. */
    VOIDED,
    /** A refund completed. */
    REFUNDED,
    /** A refund failed at the provider. */
    REFUND_FAILED,
    /** The shopper's bank opened a dispute (chargeback) for the amount. */
    DISPUTE_OPENED,
    /** A dispute was decided for the merchant. */
    DISPUTE_WON,
    /** A dispute was decided for the shopper: the amount is gone. */
    DISPUTE_LOST
}
