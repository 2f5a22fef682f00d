package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_SHIPMENTS}: books a sale's shipment at the carrier and returns its
 * tracking numbers and labels. The platform owns the shipment: it decides what ships when, builds
 * the request, records the answer, and moves the shipment's state on tracking events.
 * <ul>
 *   <li><b>Asked:</b> only {@link ShipmentPurpose#SALE} requests; returns go to
 *       {@link ReturnShipmentBooker}.</li>
 *   <li><b>Deadline:</b> 20 s by default; off the shopper's path (the merchant releases a
 *       consignment, or a rule does).</li>
 *   <li><b>Idempotency:</b> {@link ShipmentRequest#idempotencyKey()} identifies the booking; a
 *       repeated call with the same key returns the first shipment and never books a second pickup
 *       or label. Pass the key to the carrier as its idempotency key; when the carrier has none,
 *       write a "started" marker under the key before booking and the shipment reference after,
 *       and on a repeat that finds a marker without a reference, look the booking up at the
 *       carrier by {@link ShipmentRequest#shipmentId()} instead of booking again or giving up.</li>
 *   <li><b>Refusals:</b> a {@link io.caravan.sdk.plugin.PluginRejectedException} means the carrier
 *       definitely booked nothing (a prohibited HS code, an oversize parcel, a label format it
 *       cannot print, COD not offered there): the merchant may book with another carrier.</li>
 *   <li><b>Failures:</b> any other exception, or a timeout, is an <em>unknown</em> outcome: the
 *       carrier may have booked. The platform asks again with the same key, at the same
 *       installation, and never books the shipment elsewhere before that is settled.
 *       {@code FALLBACK} is refused for this point; declare {@code FAIL_CLOSED}.</li>
 *   <li><b>What the platform checks:</b> the service asked, one parcel tracking number per parcel,
 *       a label per parcel in the requested format; a wrong answer is the plugin's failure.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface ShipmentBooker {

    /**
     * Books a shipment.
     *
     * @param context the per-call context
     * @param request what to ship, from which warehouse, to whom; purpose {@link ShipmentPurpose#SALE}
     * @return the booking, with a label and a tracking number per parcel
     */
    Shipment book(PluginContext context, ShipmentRequest request);
}
