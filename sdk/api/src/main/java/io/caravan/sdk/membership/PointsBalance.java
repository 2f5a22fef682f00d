package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;

/**
 * A customer's spendable points.
 *
 * @param customerId the customer; at most 128 characters
 * @param points     the balance; not negative
 */
public record PointsBalance(String customerId, long points) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PointsBalance {
        Checks.text(customerId, "PointsBalance.customerId", 128);
        Checks.nonNegative(points, "PointsBalance.points");
    }
}
