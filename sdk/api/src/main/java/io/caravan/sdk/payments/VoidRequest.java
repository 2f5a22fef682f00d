package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;

/**
 * A request to release an authorization that will not be captured (order cancelled).
 *
 * @param idempotencyKey    the platform's key for this void; at most 128 characters
 * @param providerReference the provider's payment id from the authorization
 * @param reason            why, for the provider's records; at most 200 characters, or null
 */
public record VoidRequest(String idempotencyKey, String providerReference, String reason) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public VoidRequest {
        Checks.text(idempotencyKey, "VoidRequest.idempotencyKey", 128);
        Checks.text(providerReference, "VoidRequest.providerReference", 128);
        Checks.optionalText(reason, "VoidRequest.reason", 200);
    }
}
