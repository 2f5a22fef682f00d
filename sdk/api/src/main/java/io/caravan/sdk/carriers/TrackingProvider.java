package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_TRACKING}: where a parcel is, across the whole chain including
 * export and import customs.
 * <ul>
 *   <li><b>Deadline:</b> 5 s by default. Called when a shopper or merchant looks, and periodically
 *       by the platform until delivery.</li>
 *   <li><b>Idempotency:</b> a read; must change nothing.</li>
 *   <li><b>Refusals:</b> an unknown tracking number throws
 *       {@link io.caravan.sdk.plugin.PluginRejectedException} ({@code "unknown_tracking_number"}).</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface TrackingProvider {

    /**
     * Tracks a parcel.
     *
     * @param context        the per-call context
     * @param trackingNumber a tracking number this carrier issued (for postal items, a UPU S10 number
     *                       such as {@code "RR123456785CN"})
     * @return the journey so far
     */
    TrackingInfo track(PluginContext context, String trackingNumber);
}
