package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.money.Money;
import java.util.List;

/**
 * An order was refunded in part or in full, or cancelled: what should its points become?
 *
 * @param refundId       the platform's id of this refund: the reversal's entries are keyed by it;
 *                       at most 64 characters
 * @param customerId     the member; at most 128 characters
 * @param order          the order
 * @param entries        every entry the ledger holds for the order (grants, redemptions, earlier
 *                       reversals), oldest first
 * @param refundedAmount what this refund gives back; greater than zero
 * @param refundedBefore what earlier refunds of the order gave back; not negative
 * @param paidAmount     what the order's payments took in all; greater than zero. A proportional
 *                       reversal takes back {@code refundedAmount / paidAmount} of each grant
 * @param reason         why, for the member's statement, or null; at most 200 characters
 */
public record PointsReversalRequest(
        String refundId,
        String customerId,
        Order order,
        List<PointsEntry> entries,
        Money refundedAmount,
        Money refundedBefore,
        Money paidAmount,
        String reason) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, the amounts are in different
     *                                  currencies, or more was refunded than paid; the message names the field
     */
    public PointsReversalRequest {
        Checks.text(refundId, "PointsReversalRequest.refundId", 64);
        Checks.text(customerId, "PointsReversalRequest.customerId", 128);
        Checks.required(order, "PointsReversalRequest.order");
        entries = Checks.list(entries, "PointsReversalRequest.entries");
        Checks.positive(refundedAmount, "PointsReversalRequest.refundedAmount");
        Checks.currency(
                Checks.nonNegative(refundedBefore, "PointsReversalRequest.refundedBefore"),
                refundedAmount.currency(),
                "PointsReversalRequest.refundedBefore");
        Checks.currency(
                Checks.positive(paidAmount, "PointsReversalRequest.paidAmount"),
                refundedAmount.currency(),
                "PointsReversalRequest.paidAmount");
        if (refundedAmount.plus(refundedBefore).compareTo(paidAmount) > 0) {
            throw new IllegalArgumentException(
                    "PointsReversalRequest.refundedAmount with refundedBefore exceeds paidAmount");
        }
        Checks.optionalText(reason, "PointsReversalRequest.reason", 200);
    }
}
