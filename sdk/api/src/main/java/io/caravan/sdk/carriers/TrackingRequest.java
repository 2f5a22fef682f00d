package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.CountryCode;

/**
 * Which shipment to track, with what carriers ask besides the number: several carriers give the
 * full journey (the recipient's name, signature, the delivery photo) only with the destination
 * postcode, and an aggregator needs the carrier.
 *
 * @param shipment              the booking: carrier, shipment reference, tracking number
 * @param destinationCountry    the country it is delivered to
 * @param destinationPostalCode the postal code it is delivered to, or null where the country has
 *                              none; letters, digits, spaces and hyphens, at most 16 characters
 */
public record TrackingRequest(CarrierShipment shipment, CountryCode destinationCountry, String destinationPostalCode) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public TrackingRequest {
        Checks.required(shipment, "TrackingRequest.shipment");
        Checks.required(destinationCountry, "TrackingRequest.destinationCountry");
        if (destinationPostalCode != null) {
            Checks.matches(
                    destinationPostalCode,
                    "TrackingRequest.destinationPostalCode",
                    "[A-Za-z0-9](?:[A-Za-z0-9 -]{0,14}[A-Za-z0-9])?",
                    "letters, digits, spaces and hyphens (at most 16)");
        }
    }
}
