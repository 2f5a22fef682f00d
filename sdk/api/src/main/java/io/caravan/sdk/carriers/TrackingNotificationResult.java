package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import java.util.List;

/**
 * What a carrier notification means, and what to answer the carrier.
 *
 * @param verified        whether the carrier's signature checked out with the installation's
 *                        secret; {@code false} means forged, unsigned or stale: the platform
 *                        answers HTTP 401 and applies nothing
 * @param updates         the tracking events it reports, in the carrier's order; empty for
 *                        notifications the plugin ignores, and always empty when not verified; at
 *                        most 500
 * @param acknowledgement the body the platform returns with HTTP 200 when the carrier expects a
 *                        particular one, or null for an empty body; at most 1000 characters
 */
public record TrackingNotificationResult(boolean verified, List<TrackingUpdate> updates, String acknowledgement) {

    /** The most updates one notification yields. */
    public static final int MAX_UPDATES = 500;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or an unverified result carries updates
     */
    public TrackingNotificationResult {
        updates = Checks.list(updates, "TrackingNotificationResult.updates");
        if (!verified && !updates.isEmpty()) {
            throw new IllegalArgumentException("TrackingNotificationResult.updates must be empty when verified is"
                    + " false: nothing of a forged call is read");
        }
        if (updates.size() > MAX_UPDATES) {
            throw new IllegalArgumentException("TrackingNotificationResult.updates must hold at most " + MAX_UPDATES
                    + " updates, had " + updates.size());
        }
        if (acknowledgement != null && acknowledgement.length() > 1000) {
            throw new IllegalArgumentException(
                    "TrackingNotificationResult.acknowledgement must be at most 1000 characters");
        }
    }

    /**
     * A verified notification.
     *
     * @param updates what it reports
     * @return the result, with no acknowledgement body
     */
    public static TrackingNotificationResult verified(List<TrackingUpdate> updates) {
        return new TrackingNotificationResult(true, updates, null);
    }

    /**
     * A notification whose signature failed: nothing is applied.
     *
     * @return the result
     */
    public static TrackingNotificationResult rejected() {
        return new TrackingNotificationResult(false, List.of(), null);
    }
}
