package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import java.util.List;

/**
 * What a verified provider notification means, and what to answer the provider.
 *
 * @param updates         the payment changes it reports, in the provider's order; empty for events
 *                        the plugin ignores
 * @param acknowledgement the body the platform returns with HTTP 200 when the provider expects a
 *                        particular one (e.g. {@code "[accepted]"}), or null for an empty body;
 *                        at most 1000 characters
 */
public record NotificationResult(List<PaymentUpdate> updates, String acknowledgement) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public NotificationResult {
        updates = Checks.list(updates, "NotificationResult.updates");
        if (acknowledgement != null && acknowledgement.length() > 1000) {
            throw new IllegalArgumentException("NotificationResult.acknowledgement must be at most 1000 characters");
        }
    }
}
