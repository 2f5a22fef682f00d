package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_CANCELLATIONS}: cancels a booked shipment before dispatch (an
 * order cancelled, a consignment re-routed to another warehouse), so no pickup comes and no label
 * is charged. The platform asks only for shipments its tracking has not seen picked up; the carrier
 * may still say {@link CancellationStatus#TOO_LATE}.
 * <ul>
 *   <li><b>Deadline:</b> 10 s by default; off the shopper's path.</li>
 *   <li><b>Idempotency:</b> {@link CancellationRequest#idempotencyKey()}; cancelling a booking
 *       already cancelled answers {@link CancellationStatus#CANCELLED} again.</li>
 *   <li><b>Unknown outcomes:</b> when the plugin cannot tell whether the carrier cancelled, it
 *       returns {@link CancellationStatus#UNKNOWN}; the platform keeps the shipment booked and asks
 *       again with the same key. An exception or a timeout is treated the same way.</li>
 *   <li><b>Failure policy:</b> {@code FALLBACK} is refused for this point: a booking is cancelled
 *       only by the carrier that holds it.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface ShipmentCanceller {

    /**
     * Cancels a booking.
     *
     * @param context the per-call context
     * @param request the booking and the platform's key
     * @return the outcome
     */
    CancellationResult cancel(PluginContext context, CancellationRequest request);
}
