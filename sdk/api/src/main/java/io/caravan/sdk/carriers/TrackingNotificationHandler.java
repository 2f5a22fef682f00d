package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.ProviderNotification;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_NOTIFICATIONS}: verifies and reads the carrier's tracking
 * webhooks (scans, customs holds and releases, failed deliveries, deliveries, returns to sender),
 * arriving at the installation's public notification URL — the push beside {@link TrackingProvider}'s poll.
 * <ul>
 *   <li><b>Verification first, always:</b> the URL is public; anyone can call it. The handler MUST
 *       verify the carrier's signature over the raw body with the signing secret from its
 *       configuration (a {@link io.caravan.sdk.plugin.Secret}), compare in constant time
 *       ({@code MessageDigest.isEqual}) and refuse stale timestamps, before reading anything. When
 *       the check fails it returns {@link TrackingNotificationResult#rejected()}; the platform
 *       answers HTTP 401 and applies nothing.</li>
 *   <li><b>What the platform applies:</b> each {@link TrackingUpdate} once per (shipment, event
 *       id), only to a shipment this installation booked. The platform moves the shipment's state
 *       (delivered starts the return window; COD collected is recorded as the payment, checked
 *       against the shipment's COD amount); a replay changes nothing.</li>
 *   <li><b>Deadline:</b> 5 s by default; carriers retry slow webhooks, so do not call the carrier
 *       back here unless its protocol requires it.</li>
 *   <li><b>Idempotency:</b> return the same updates, with the same event ids, for the same
 *       notification — and the ids {@link TrackingProvider} would give the same events.</li>
 *   <li><b>Failures:</b> an exception makes the platform answer HTTP 5xx, so the carrier retries later.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface TrackingNotificationHandler {

    /**
     * Verifies and reads a notification.
     *
     * @param context      the per-call context
     * @param notification the call as received
     * @return whether it was verified, the tracking events, and the acknowledgement to send back
     */
    TrackingNotificationResult handle(PluginContext context, ProviderNotification notification);
}
