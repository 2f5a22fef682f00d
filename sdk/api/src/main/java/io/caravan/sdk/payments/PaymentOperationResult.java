package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * The outcome of a capture, void or refund. The platform checks the amount against the request
 * (same currency, at most what was asked) before it records anything.
 *
 * @param status             done, pending, refused, or not known
 * @param operationReference the provider's id for this operation (capture id, refund id), or the
 *                           payment id when the provider has none; required for SUCCEEDED and
 *                           PENDING, optional otherwise; at most 128 characters
 * @param amount             the amount captured, released or refunded (SUCCEEDED, PENDING), or the
 *                           amount asked for (FAILED, UNKNOWN); greater than zero
 * @param failureReason      why the provider refused; required for FAILED, optional for UNKNOWN,
 *                           null otherwise; at most 300 characters
 */
public record PaymentOperationResult(
        OperationStatus status, String operationReference, Money amount, String failureReason) {

    /**
     * Validates the components against the status.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentOperationResult {
        Checks.required(status, "PaymentOperationResult.status");
        Checks.optionalText(operationReference, "PaymentOperationResult.operationReference", 128);
        Checks.positive(amount, "PaymentOperationResult.amount");
        Checks.optionalText(failureReason, "PaymentOperationResult.failureReason", 300);
        switch (status) {
            case SUCCEEDED, PENDING -> {
                if (operationReference == null) {
                    throw new IllegalArgumentException(
                            "PaymentOperationResult.operationReference is required when status is " + status);
                }
                if (failureReason != null) {
                    throw new IllegalArgumentException(
                            "PaymentOperationResult.failureReason must be null when status is " + status);
                }
            }
            case FAILED -> {
                if (failureReason == null) {
                    throw new IllegalArgumentException(
                            "PaymentOperationResult.failureReason is required when status is FAILED");
                }
            }
            case UNKNOWN -> {}
        }
    }

    /**
     * Done at the provider.
     *
     * @param operationReference the provider's id for the operation
     * @param amount             the amount moved
     * @return the result
     */
    public static PaymentOperationResult succeeded(String operationReference, Money amount) {
        return new PaymentOperationResult(OperationStatus.SUCCEEDED, operationReference, amount, null);
    }

    /**
     * Accepted, to be confirmed by a notification.
     *
     * @param operationReference the provider's id for the operation
     * @param amount             the amount concerned
     * @return the result
     */
    public static PaymentOperationResult pending(String operationReference, Money amount) {
        return new PaymentOperationResult(OperationStatus.PENDING, operationReference, amount, null);
    }

    /**
     * Refused by the provider.
     *
     * @param amount        the amount asked for
     * @param failureReason why
     * @return the result
     */
    public static PaymentOperationResult failed(Money amount, String failureReason) {
        return new PaymentOperationResult(OperationStatus.FAILED, null, amount, failureReason);
    }

    /**
     * Not known whether the provider acted.
     *
     * @param amount the amount asked for
     * @param reason what went wrong, or null
     * @return the result
     */
    public static PaymentOperationResult unknown(Money amount, String reason) {
        return new PaymentOperationResult(OperationStatus.UNKNOWN, null, amount, reason);
    }
}
