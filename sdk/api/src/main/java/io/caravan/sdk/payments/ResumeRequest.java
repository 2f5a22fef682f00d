package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import java.util.Map;

/**
 * A request to continue an authorisation after the shopper acted ({@link PaymentAction}): back
 * from a redirect, or after a QR scan or a 3-D Secure challenge.
 *
 * @param attemptKey        the attempt's key, as in its {@link AuthorizationRequest#attemptKey()}
 * @param providerReference the provider's payment id from the {@link AuthorizationStatus#ACTION_REQUIRED} result
 * @param returnParameters  the query or form parameters the provider sent the shopper back with
 *                          (untrusted: verify them with the provider, never take them as the
 *                          outcome); at most 50 entries, each value at most 4096 characters
 */
public record ResumeRequest(String attemptKey, String providerReference, Map<String, String> returnParameters) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public ResumeRequest {
        Checks.text(attemptKey, "ResumeRequest.attemptKey", 128);
        Checks.text(providerReference, "ResumeRequest.providerReference", 128);
        returnParameters = Checks.map(returnParameters, "ResumeRequest.returnParameters");
        if (returnParameters.size() > 50) {
            throw new IllegalArgumentException(
                    "ResumeRequest.returnParameters must hold at most 50 entries, held " + returnParameters.size());
        }
        for (Map.Entry<String, String> e : returnParameters.entrySet()) {
            Checks.text(e.getKey(), "ResumeRequest.returnParameters key", 256);
            if (e.getValue().length() > 4096) {
                throw new IllegalArgumentException(
                        "ResumeRequest.returnParameters[" + e.getKey() + "] must be at most 4096 characters");
            }
        }
    }
}
