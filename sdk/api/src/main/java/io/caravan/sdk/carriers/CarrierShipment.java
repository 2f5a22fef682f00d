package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;

/**
 * Which booked shipment a call is about, as its carrier knows it: what tracking, cancellation and
 * return bookings name. One plugin may front several carriers (an aggregator), so the carrier is
 * part of it.
 *
 * @param carrierCode       the carrier that carries it, as {@link Shipment#carrierCode()} named it;
 *                          lower-case letters, digits and hyphens, at most 40 characters
 * @param shipmentReference the carrier's id of the booking, {@link Shipment#shipmentReference()};
 *                          at most 128 characters
 * @param trackingNumber    the shipment's tracking number, {@link Shipment#trackingNumber()}; at
 *                          most 64 characters
 */
public record CarrierShipment(String carrierCode, String shipmentReference, String trackingNumber) {

    /** What a carrier code looks like: {@code "postnl"}, {@code "dhl-express"}. */
    static final String CARRIER_CODE = "[a-z0-9][a-z0-9-]{0,39}";

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public CarrierShipment {
        carrierCode(carrierCode, "CarrierShipment.carrierCode");
        Checks.text(shipmentReference, "CarrierShipment.shipmentReference", 128);
        Checks.text(trackingNumber, "CarrierShipment.trackingNumber", 64);
    }

    static String carrierCode(String value, String field) {
        return Checks.matches(
                value, field, CARRIER_CODE, "lower-case letters, digits and hyphens, at most 40 characters");
    }
}
