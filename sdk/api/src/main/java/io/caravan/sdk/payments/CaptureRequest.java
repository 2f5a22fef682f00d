package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A request to take (part of) an authorized amount.
 *
 * @param idempotencyKey    the platform's key for this capture; at most 128 characters
 * @param providerReference the provider's payment id from the authorization
 * @param amount            the amount to capture, at most what remains authorized; greater than zero
 * @param finalCapture      whether the rest of the authorization should be released after this capture
 */
public record CaptureRequest(String idempotencyKey, String providerReference, Money amount, boolean finalCapture) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public CaptureRequest {
        Checks.text(idempotencyKey, "CaptureRequest.idempotencyKey", 128);
        Checks.text(providerReference, "CaptureRequest.providerReference", 128);
        Checks.positive(amount, "CaptureRequest.amount");
    }
}
