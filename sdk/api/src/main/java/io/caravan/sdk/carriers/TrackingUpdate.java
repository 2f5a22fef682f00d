package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import java.time.LocalDate;

/**
 * One tracking event of one shipment, read from a verified carrier notification.
 *
 * <p><b>How the platform applies it.</b> Only to a shipment this installation booked, found by
 * (carrier, tracking number) — or by the shipment reference when given — and once per (shipment,
 * {@link TrackingEvent#eventId()}): carriers deliver at least once, and a replayed notification, or
 * an event the platform already polled, changes nothing. An update for a shipment the installation
 * did not book is ignored and counted.
 *
 * @param carrierCode       the carrier, as {@link Shipment#carrierCode()} named it
 * @param trackingNumber    the tracking number the event is for (the shipment's, or one of its
 *                          parcels'); at most 64 characters
 * @param shipmentReference the carrier's booking id when the notification carries it, or null; at
 *                          most 128 characters
 * @param event             what happened
 * @param estimatedDelivery the carrier's new expected delivery day when the notification gives one, or null
 */
public record TrackingUpdate(
        String carrierCode,
        String trackingNumber,
        String shipmentReference,
        TrackingEvent event,
        LocalDate estimatedDelivery) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public TrackingUpdate {
        CarrierShipment.carrierCode(carrierCode, "TrackingUpdate.carrierCode");
        Checks.text(trackingNumber, "TrackingUpdate.trackingNumber", 64);
        Checks.optionalText(shipmentReference, "TrackingUpdate.shipmentReference", 128);
        Checks.required(event, "TrackingUpdate.event");
    }
}
