package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.net.URI;

/**
 * The outcome of an authorization.
 *
 * @param status              where the payment stands
 * @param providerReference   the provider's id for the payment, used by capture, void, refund and
 *                            notifications; at most 128 characters
 * @param amount              the amount authorized or taken (may be less than requested for partial
 *                            authorizations); greater than zero
 * @param actionUrl           where to send the shopper; required for
 *                            {@link AuthorizationStatus#ACTION_REQUIRED}, null otherwise
 */
public record AuthorizationResult(AuthorizationStatus status, String providerReference, Money amount, URI actionUrl) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or the action URL is missing for
     *                                  {@code ACTION_REQUIRED} or present for another status
     */
    public AuthorizationResult {
        Checks.required(status, "AuthorizationResult.status");
        Checks.text(providerReference, "AuthorizationResult.providerReference", 128);
        Checks.positive(amount, "AuthorizationResult.amount");
        if (status == AuthorizationStatus.ACTION_REQUIRED && actionUrl == null) {
            throw new IllegalArgumentException(
                    "AuthorizationResult.actionUrl is required when status is ACTION_REQUIRED");
        }
        if (status != AuthorizationStatus.ACTION_REQUIRED && actionUrl != null) {
            throw new IllegalArgumentException("AuthorizationResult.actionUrl must be null when status is " + status);
        }
    }
}
