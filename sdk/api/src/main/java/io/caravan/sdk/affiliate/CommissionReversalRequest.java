package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.money.Money;
import java.util.List;
import java.util.Map;

/**
 * A refund on an order that earned commission: what should be taken back?
 *
 * @param refundId       the platform's id of this refund: reversals are keyed by it; at most 64 characters
 * @param order          the order
 * @param entries        every commission entry the ledger holds for the order, oldest first
 * @param refundedLines  line id → what this refund gave back of the line; not negative
 * @param refundedAmount what this refund gives back in all; greater than zero
 * @param reason         why, for the affiliate's statement; at most 200 characters, or null
 */
public record CommissionReversalRequest(
        String refundId,
        Order order,
        List<CommissionEntry> entries,
        Map<String, Money> refundedLines,
        Money refundedAmount,
        String reason) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the lines are in another
     *                                  currency than the refund; the message names the field
     */
    public CommissionReversalRequest {
        Checks.text(refundId, "CommissionReversalRequest.refundId", 64);
        Checks.required(order, "CommissionReversalRequest.order");
        entries = Checks.list(entries, "CommissionReversalRequest.entries");
        Checks.positive(refundedAmount, "CommissionReversalRequest.refundedAmount");
        refundedLines = Checks.map(refundedLines, "CommissionReversalRequest.refundedLines");
        for (Map.Entry<String, Money> line : refundedLines.entrySet()) {
            String field = "CommissionReversalRequest.refundedLines[" + line.getKey() + "]";
            Checks.currency(Checks.nonNegative(line.getValue(), field), refundedAmount.currency(), field);
        }
        Checks.optionalText(reason, "CommissionReversalRequest.reason", 200);
    }
}
