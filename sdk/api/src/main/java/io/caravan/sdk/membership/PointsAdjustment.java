package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;

/**
 * A compensating entry a plugin proposes for a refund, per rule: points taken back from what the
 * rule granted on the order (negative) or given back from what was redeemed on it (positive). The
 * platform records it as a {@link PointsEntryKind#REVERSAL} keyed by (refund, rule) and caps it: a
 * rule never loses more than it granted on the order, nor gets back more than was redeemed.
 *
 * @param ruleId      the grant's rule, or {@code "redemption"} for points given back; at most 64 characters
 * @param points      the change: negative to take back, positive to give back; never zero
 * @param explanation the entry in words ({@code "50 % of the order refunded: 310 of 620 points taken back"}); at most 200 characters
 */
public record PointsAdjustment(String ruleId, long points, String explanation) {
    /** The rule id of points given back after a refund of an order they paid towards. */
    public static final String REDEMPTION_RULE = "redemption";

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PointsAdjustment {
        Checks.text(ruleId, "PointsAdjustment.ruleId", 64);
        if (points == 0 || Math.abs(points) > PointsGrant.MAX_POINTS) {
            throw new IllegalArgumentException("PointsAdjustment.points must be non-zero and at most "
                    + PointsGrant.MAX_POINTS + " either way, was " + points);
        }
        Checks.text(explanation, "PointsAdjustment.explanation", 200);
    }
}
