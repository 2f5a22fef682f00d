package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.util.List;

/**
 * A booked shipment.
 *
 * @param shipmentReference the carrier's id for the booking (to cancel or query it); at most 128 characters
 * @param trackingNumbers   one tracking number per parcel, in the request's parcel order (a
 *                          single-piece shipment has one); each at most 64 characters
 * @param labels            the documents to print; at least one
 * @param charge            what the carrier charges the store, or null if not known at booking; not negative
 */
public record Shipment(String shipmentReference, List<String> trackingNumbers, List<Label> labels, Money charge) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Shipment {
        Checks.text(shipmentReference, "Shipment.shipmentReference", 128);
        trackingNumbers = Checks.nonEmptyList(trackingNumbers, "Shipment.trackingNumbers");
        for (int i = 0; i < trackingNumbers.size(); i++) {
            Checks.text(trackingNumbers.get(i), "Shipment.trackingNumbers[" + i + "]", 64);
        }
        labels = Checks.nonEmptyList(labels, "Shipment.labels");
        if (charge != null) {
            Checks.nonNegative(charge, "Shipment.charge");
        }
    }
}
