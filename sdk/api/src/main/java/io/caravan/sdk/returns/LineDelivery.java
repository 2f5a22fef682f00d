package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import java.time.LocalDate;

/**
 * Units of an order line that a carrier delivered on a day. A line split across shipments has one
 * entry per shipment; the EU's withdrawal period counts from the day the last item of the order
 * was delivered ({@link ReturnRequest#lastDeliveredOn()}).
 *
 * @param lineRef     the order's cart line id; at most 64 characters
 * @param quantity    how many units were delivered that day; greater than zero
 * @param deliveredOn the day of delivery at the shopper's place (the tracking event's local date)
 */
public record LineDelivery(String lineRef, int quantity, LocalDate deliveredOn) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public LineDelivery {
        Checks.text(lineRef, "LineDelivery.lineRef", 64);
        Checks.positive(quantity, "LineDelivery.quantity");
        Checks.required(deliveredOn, "LineDelivery.deliveredOn");
    }
}
