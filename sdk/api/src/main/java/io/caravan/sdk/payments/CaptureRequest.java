package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A request to take (part of) an authorised amount.
 *
 * @param operationKey      the platform's idempotency key of this capture: a retried capture is the
 *                          same key, a second partial capture another; send it to the provider; at
 *                          most 128 characters
 * @param providerReference the provider's payment id from the authorisation
 * @param amount            the amount to capture, at most what remains authorised (partial captures
 *                          only for methods with {@link PaymentCapability#PARTIAL_CAPTURE}), in the
 *                          payment's currency; greater than zero
 * @param finalCapture      whether the rest of the authorisation should be released after this capture
 */
public record CaptureRequest(String operationKey, String providerReference, Money amount, boolean finalCapture) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public CaptureRequest {
        Checks.text(operationKey, "CaptureRequest.operationKey", 128);
        Checks.text(providerReference, "CaptureRequest.providerReference", 128);
        Checks.positive(amount, "CaptureRequest.amount");
    }
}
