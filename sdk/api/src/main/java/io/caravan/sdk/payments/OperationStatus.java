package io.caravan.sdk.payments;

/**
 * Where a capture, void or refund stands when the call returns.
 */
public enum OperationStatus {
    /** Done at the provider. */
    SUCCEEDED,
    /** Accepted by the provider, to be confirmed by a notification. */
    PENDING,
    /** Refused by the provider (nothing moved): over the remaining amount, already captured, too late. */
    FAILED,
    /**
     * The plugin does not know whether the provider acted (a timeout, a lost answer). The platform
     * retries with the same operation key (the provider then answers for the first call) or waits
     * for a notification; it never issues the operation under a new key first.
     */
    UNKNOWN
}
