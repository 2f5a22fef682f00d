package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;

/**
 * A member's points as the platform's ledger sums them. Either figure may be <b>negative</b>: a
 * member who spent points and then returned the order that earned them owes them back, and the
 * balance shows it rather than hiding it.
 *
 * @param customerId the member; at most 128 characters
 * @param available  granted points past their {@code availableAt}, minus redemptions (held ones
 *                   included), expiries and reversals
 * @param pending    granted points still in their approval period
 */
public record PointsBalance(String customerId, long available, long pending) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the customer id is invalid, or pending points are negative
     */
    public PointsBalance {
        Checks.text(customerId, "PointsBalance.customerId", 128);
        Checks.nonNegative(pending, "PointsBalance.pending");
    }
}
