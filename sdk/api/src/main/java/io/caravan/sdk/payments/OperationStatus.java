package io.caravan.sdk.payments;

/**
 * Where a capture, void or refund stands when the call returns.
 */
public enum OperationStatus {
    /** Done at the provider. */
    SUCCEEDED,
    /** Accepted by the provider, to be confirmed by a notification. */
    PENDING
}
