package io.caravan.sdk.carriers;

import io.caravan.sdk.plugin.PluginContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@code CARRIER_RETURN_SHIPMENTS}: books the shipment that brings a return back,
 * from the shopper to the warehouse the return case names, and returns the label the shopper
 * prints. The platform books it once the case is authorised (a returns plugin decides the policy,
 * never books labels); a carrier that does not carry returns simply does not provide this point.
 * <ul>
 *   <li><b>Asked:</b> only {@link ShipmentPurpose#RETURN} requests, always with the original
 *       shipment and the RMA number; a cross-border return carries a customs declaration of
 *       {@link CustomsContentType#RETURNED_GOODS}.</li>
 *   <li><b>Deadline:</b> 20 s by default; off the shopper's path.</li>
 *   <li><b>Idempotency:</b> as {@link ShipmentBooker}: {@link ShipmentRequest#idempotencyKey()} is
 *       one key per (return shipment, installation); a repeat returns the first booking.</li>
 *   <li><b>Refusals:</b> a {@link io.caravan.sdk.plugin.PluginRejectedException} means nothing was
 *       booked (no return service from the shopper's country): the merchant chooses another way
 *       back, or to let the shopper keep the goods.</li>
 *   <li><b>Failures:</b> an unknown outcome, asked again with the same key; {@code FALLBACK} is
 *       refused for this point.</li>
 *   <li><b>State:</b> stateless (no per-store fields) and thread-safe; one instance serves every store.</li>
 * </ul>
 */
@ConsumerType
public interface ReturnShipmentBooker {

    /**
     * Books a return shipment.
     *
     * @param context the per-call context
     * @param request what comes back, from the shopper to which warehouse; purpose {@link ShipmentPurpose#RETURN}
     * @return the booking, with the label(s) the shopper prints
     */
    Shipment bookReturn(PluginContext context, ShipmentRequest request);
}
