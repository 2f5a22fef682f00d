package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.DutyTreatment;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to quote: consignments, each from its warehouse, to one destination. The platform splits a
 * cart across warehouses by the store's rule; each consignment is quoted on its own, and the
 * shopper chooses a service per consignment.
 *
 * @param consignments  the consignments; at least one, distinct ids, goods valued in {@code currency}
 * @param destination   the delivery address
 * @param currency      the currency to quote in (the checkout currency)
 * @param shipDate      the day the order is placed; a consignment leaves after its warehouse's handling days
 * @param dutyTreatment who pays import charges (under DDP the carrier must not collect on delivery)
 */
public record RateRequest(
        List<Consignment> consignments,
        Address destination,
        Currency currency,
        LocalDate shipDate,
        DutyTreatment dutyTreatment) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, two consignments share an id, or
     *                                  goods are valued in another currency
     */
    public RateRequest {
        consignments = Checks.nonEmptyList(consignments, "RateRequest.consignments");
        Checks.required(currency, "RateRequest.currency");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < consignments.size(); i++) {
            Consignment c = consignments.get(i);
            if (!ids.add(c.consignmentId())) {
                throw new IllegalArgumentException("RateRequest.consignments[" + i + "].consignmentId \""
                        + c.consignmentId() + "\" is used by another consignment");
            }
            Checks.currency(c.goodsValue(), currency, "RateRequest.consignments[" + i + "].goodsValue");
        }
        Checks.required(destination, "RateRequest.destination");
        Checks.required(shipDate, "RateRequest.shipDate");
        Checks.required(dutyTreatment, "RateRequest.dutyTreatment");
    }

    /**
     * The consignment with an id.
     *
     * @param consignmentId an id
     * @return the consignment
     * @throws IllegalArgumentException if none has that id
     */
    public Consignment consignment(String consignmentId) {
        return consignments.stream()
                .filter(c -> c.consignmentId().equals(consignmentId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("RateRequest has no consignment \"" + consignmentId + "\""));
    }
}
