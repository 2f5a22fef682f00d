package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import java.util.List;

/**
 * What to compute a refund for: the order and the goods that came back.
 *
 * @param returnId the return case; at most 64 characters
 * @param order    the order, with the tax charged per line in {@link Order#lineTax()}
 * @param items    the inspected goods; at least one, each a line of the order
 */
public record RefundCalculationRequest(String returnId, Order order, List<ReturnedItem> items) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid or an item is not a line of the order
     */
    public RefundCalculationRequest {
        Checks.text(returnId, "RefundCalculationRequest.returnId", 64);
        Checks.required(order, "RefundCalculationRequest.order");
        items = Checks.nonEmptyList(items, "RefundCalculationRequest.items");
        for (int i = 0; i < items.size(); i++) {
            String ref = items.get(i).lineRef();
            if (order.cart().lines().stream().noneMatch(l -> l.lineId().equals(ref))) {
                throw new IllegalArgumentException("RefundCalculationRequest.items[" + i + "].lineRef \"" + ref
                        + "\" is not a line of order " + order.id());
            }
        }
    }
}
