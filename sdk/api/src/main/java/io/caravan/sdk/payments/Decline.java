package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;

/**
 * Why a provider declined a payment.
 *
 * @param category soft, hard or fraud
 * @param code     the provider's decline code ({@code "insufficient_funds"}, {@code "05"}); at most 64 characters
 * @param message  a sentence for the merchant (never shown raw to the shopper); at most 300 characters, or null
 */
public record Decline(DeclineCategory category, String code, String message) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Decline {
        Checks.required(category, "Decline.category");
        Checks.text(code, "Decline.code", 64);
        Checks.optionalText(message, "Decline.message", 300);
    }
}
