package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import java.util.List;

/**
 * What a provider notification means, and what to answer the provider.
 *
 * @param verified        whether the provider's signature checked out with the installation's
 *                        secret; {@code false} means forged, unsigned or stale: the platform
 *                        answers HTTP 401 and applies nothing
 * @param updates         the payment changes it reports, in the provider's order; empty for events
 *                        the plugin ignores, and always empty when not verified
 * @param acknowledgement the body the platform returns with HTTP 200 when the provider expects a
 *                        particular one (e.g. {@code "[accepted]"}), or null for an empty body;
 *                        at most 1000 characters
 */
public record NotificationResult(boolean verified, List<PaymentUpdate> updates, String acknowledgement) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or an unverified result carries updates
     */
    public NotificationResult {
        updates = Checks.list(updates, "NotificationResult.updates");
        if (!verified && !updates.isEmpty()) {
            throw new IllegalArgumentException(
                    "NotificationResult.updates must be empty when verified is false: nothing of a forged call is read");
        }
        if (acknowledgement != null && acknowledgement.length() > 1000) {
            throw new IllegalArgumentException("NotificationResult.acknowledgement must be at most 1000 characters");
        }
    }

    /**
     * A verified notification.
     *
     * @param updates what it reports
     * @return the result, with no acknowledgement body
     */
    public static NotificationResult verified(List<PaymentUpdate> updates) {
        return new NotificationResult(true, updates, null);
    }

    /**
     * A notification whose signature failed: nothing is applied.
     *
     * @return the result
     */
    public static NotificationResult rejected() {
        return new NotificationResult(false, List.of(), null);
    }
}
