/**
 * Carrier plugins: shipping rates for consignments from the store's warehouses, shipments with
 * labels, and tracking through the whole chain including customs.
 *
 * <p>A cross-border store ships from several warehouses (an Asia hub, an overseas warehouse near
 * the shopper). The platform allocates a cart's lines to warehouses by the store's rule and asks
 * {@link io.caravan.sdk.carriers.RateQuoter} to quote each resulting
 * {@link io.caravan.sdk.carriers.Consignment}; every quote names its consignment, service,
 * delivery estimate (handling included) and expiry, and what cannot ship comes back as a
 * {@link io.caravan.sdk.carriers.RateExclusion} with its reason, so the checkout can explain both.
 *
 * <p><b>Plugins propose, the platform disposes.</b> The platform owns every shipment: what ships
 * from where and when, its state (booked, cancelled, in transit, held or cleared by customs,
 * delivered, back at the sender), its due dates and its idempotency keys. A carrier plugin books at
 * its carrier ({@link io.caravan.sdk.carriers.ShipmentBooker} for sales,
 * {@link io.caravan.sdk.carriers.ReturnShipmentBooker} for returns), cancels before dispatch
 * ({@link io.caravan.sdk.carriers.ShipmentCanceller}), and reports typed
 * {@link io.caravan.sdk.carriers.TrackingEvent}s — polled ({@link io.caravan.sdk.carriers.TrackingProvider})
 * or pushed ({@link io.caravan.sdk.carriers.TrackingNotificationHandler}) — which the platform
 * applies once per (shipment, event id). {@code FALLBACK} failure policies are refused on the
 * points that book or cancel: a timed-out booking may exist, so it is asked again under the same
 * key, never booked with another carrier on a guess.
 */
@Export
@Version("1.0.0")
package io.caravan.sdk.carriers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
