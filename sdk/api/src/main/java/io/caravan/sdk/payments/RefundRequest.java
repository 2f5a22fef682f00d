package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A request to give back (part of) a captured amount.
 *
 * @param operationKey      the platform's idempotency key of this refund: two refunds of the same
 *                          amount are two keys, a retried refund is the same key; send it to the
 *                          provider; at most 128 characters
 * @param providerReference the provider's payment id
 * @param amount            the amount to refund, at most what remains captured (partial refunds
 *                          only for methods with {@link PaymentCapability#PARTIAL_REFUND}), in the
 *                          payment's currency; greater than zero
 * @param reason            why, for the provider's records; at most 200 characters, or null
 */
public record RefundRequest(String operationKey, String providerReference, Money amount, String reason) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public RefundRequest {
        Checks.text(operationKey, "RefundRequest.operationKey", 128);
        Checks.text(providerReference, "RefundRequest.providerReference", 128);
        Checks.positive(amount, "RefundRequest.amount");
        Checks.optionalText(reason, "RefundRequest.reason", 200);
    }
}
