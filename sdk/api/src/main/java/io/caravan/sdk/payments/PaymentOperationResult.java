package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * The outcome of a capture, void or refund.
 *
 * @param status            done, or awaiting the provider's notification
 * @param operationReference the provider's id for this operation (capture id, refund id), or the
 *                          payment id when the provider has none; at most 128 characters
 * @param amount            the amount captured, released or refunded; not negative
 */
public record PaymentOperationResult(OperationStatus status, String operationReference, Money amount) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentOperationResult {
        Checks.required(status, "PaymentOperationResult.status");
        Checks.text(operationReference, "PaymentOperationResult.operationReference", 128);
        Checks.nonNegative(amount, "PaymentOperationResult.amount");
    }
}
