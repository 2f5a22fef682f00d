package io.caravan.sdk.payments;

/**
 * What a provider notification says happened to a payment. New types may be added in a minor version.
 */
public enum PaymentUpdateType {
    /** A pending or action-required authorization succeeded. */
    AUTHORIZED,
    /** Money was taken (a capture, or a pending payment such as a voucher was paid). */
    CAPTURED,
    /** A pending payment failed or expired (voucher not paid, bank transfer rejected). */
    FAILED,
    /** An authorization was released. */
    VOIDED,
    /** A refund completed. */
    REFUNDED,
    /** A refund failed at the provider. */
    REFUND_FAILED,
    /** The shopper's bank opened a dispute (chargeback). */
    DISPUTED
}
