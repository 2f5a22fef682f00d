package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Order;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A shopper's request to return lines of an order.
 *
 * @param returnId    the platform's id for the return case, stable across calls (the idempotency
 *                    key of {@link ReturnAuthorizer}); at most 64 characters
 * @param order       the order
 * @param lines       the lines to return; at least one, each line at most once, each quantity at
 *                    most the order line's
 * @param deliveredOn when the order was delivered, or null if the carrier has not confirmed it
 * @param requestedAt when the shopper asked
 */
public record ReturnRequest(
        String returnId, Order order, List<ReturnLine> lines, LocalDate deliveredOn, Instant requestedAt) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, a line is not in the order, is
     *                                  listed twice, or returns more units than were bought
     */
    public ReturnRequest {
        Checks.text(returnId, "ReturnRequest.returnId", 64);
        Checks.required(order, "ReturnRequest.order");
        lines = Checks.nonEmptyList(lines, "ReturnRequest.lines");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ReturnLine line = lines.get(i);
            String field = "ReturnRequest.lines[" + i + "]";
            if (!seen.add(line.lineRef())) {
                throw new IllegalArgumentException(field + ".lineRef \"" + line.lineRef() + "\" is listed twice");
            }
            LineItem bought = order.cart().lines().stream()
                    .filter(l -> l.lineId().equals(line.lineRef()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            field + ".lineRef \"" + line.lineRef() + "\" is not a line of order " + order.id()));
            if (line.quantity() > bought.quantity()) {
                throw new IllegalArgumentException(
                        field + ".quantity must be at most " + bought.quantity() + " (bought), was " + line.quantity());
            }
        }
        Checks.required(requestedAt, "ReturnRequest.requestedAt");
    }
}
