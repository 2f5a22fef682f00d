package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A request to release an authorisation that will not be captured (order cancelled).
 *
 * @param operationKey      the platform's idempotency key of this void; send it to the provider;
 *                          at most 128 characters
 * @param providerReference the provider's payment id from the authorisation
 * @param amount            the amount to release (what remains authorised), in the payment's
 *                          currency; greater than zero
 * @param reason            why, for the provider's records; at most 200 characters, or null
 */
public record VoidRequest(String operationKey, String providerReference, Money amount, String reason) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public VoidRequest {
        Checks.text(operationKey, "VoidRequest.operationKey", 128);
        Checks.text(providerReference, "VoidRequest.providerReference", 128);
        Checks.positive(amount, "VoidRequest.amount");
        Checks.optionalText(reason, "VoidRequest.reason", 200);
    }
}
