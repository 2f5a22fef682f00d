package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_SHIPMENTS}: books a shipment with the carrier and returns its
 * labels and tracking numbers.
 * <ul>
 *   <li><b>Deadline:</b> 20 s by default; off the shopper's path (fulfilment), retried on failure.</li>
 *   <li><b>Idempotency:</b> {@link ShipmentRequest#idempotencyKey()} identifies the booking; a
 *       repeated call with the same key returns the first shipment and never books a second pickup
 *       or label. Pass the key to the carrier as its idempotency key; when the carrier has none,
 *       write a "started" marker under the key before booking and the shipment reference after,
 *       and on a repeat that finds a marker without a reference, look the booking up at the
 *       carrier by the order reference instead of booking again or giving up.</li>
 *   <li><b>Refusals:</b> goods the carrier will not take (a prohibited HS code, an oversize parcel)
 *       throw {@link io.caravan.sdk.plugin.PluginRejectedException}.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface ShipmentCreator {

    /**
     * Books a shipment.
     *
     * @param context the per-call context
     * @param request what to ship, from where, to whom
     * @return the booking, with a label and a tracking number per parcel
     */
    Shipment create(PluginContext context, ShipmentRequest request);
}
