package io.caravan.platform.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/** Which warehouse ships what of an order, under which rule; one consignment per warehouse. */
public record AllocationPlan(AllocationRule rule, String destination, List<Consignment> consignments) {
    public AllocationPlan {
        consignments = List.copyOf(consignments);
    }

    /** Every (warehouse, SKU, quantity) of the plan: what {@code StockReservations.reserve} takes. */
    public List<AllocationLine> lines() {
        List<AllocationLine> lines = new ArrayList<>();
        for (Consignment c : consignments) {
            for (Consignment.Line line : c.lines()) {
                lines.add(new AllocationLine(c.warehouse(), line.sku(), line.quantity()));
            }
        }
        return List.copyOf(lines);
    }
}
