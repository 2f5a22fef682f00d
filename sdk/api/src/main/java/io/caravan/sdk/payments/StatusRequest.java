package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A request to look a payment attempt up at the provider by the platform's key.
 *
 * @param attemptKey        the attempt's key, as sent in {@link AuthorizationRequest#attemptKey()}
 * @param providerReference the provider's payment id when the platform knows one, or null (a lost answer)
 * @param amount            the amount the attempt asked for; greater than zero
 */
public record StatusRequest(String attemptKey, String providerReference, Money amount) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public StatusRequest {
        Checks.text(attemptKey, "StatusRequest.attemptKey", 128);
        Checks.optionalText(providerReference, "StatusRequest.providerReference", 128);
        Checks.positive(amount, "StatusRequest.amount");
    }
}
