package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_TRACKING}: where a shipment is, across the whole chain including
 * export and import customs — the poll. Carriers that push events also provide
 * {@link TrackingNotificationHandler}; the platform still polls them now and then to catch a lost
 * notification.
 * <ul>
 *   <li><b>Deadline:</b> 5 s by default. Called when a shopper or merchant looks, and by the
 *       platform on its own schedule until the shipment is delivered or back at the sender.</li>
 *   <li><b>Idempotency:</b> a read; must change nothing. Return every event the carrier knows
 *       with stable event ids: the platform applies each once per (shipment, event id), so
 *       overlapping polls and notifications change nothing twice.</li>
 *   <li><b>Refusals:</b> a shipment the carrier does not know throws
 *       {@link io.caravan.sdk.plugin.PluginRejectedException} ({@code "unknown_shipment"}).</li>
 *   <li><b>Failures:</b> a failed poll changes nothing and is tried again later; declare
 *       {@code FAIL_OPEN}.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface TrackingProvider {

    /**
     * Tracks a shipment.
     *
     * @param context the per-call context
     * @param request the carrier, booking reference, tracking number and destination
     * @return the journey so far
     */
    TrackingInfo track(PluginContext context, TrackingRequest request);
}
