package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import java.time.Instant;

/**
 * Points a plugin proposes to grant. The platform checks the proposal (the rule named once per
 * order or interaction, the dates in order) and records it as a {@link PointsEntryKind#GRANT}
 * entry keyed by (order or interaction, {@code ruleId}); a second proposal under the same key —
 * a replayed event — records nothing.
 *
 * @param ruleId      the programme rule that earns them ({@code "order-base"}, {@code "gold-double"},
 *                    {@code "review"}); distinct within one answer; lower-case letters, digits and
 *                    hyphens, at most 64 characters
 * @param points      how many; greater than zero, at most 100,000,000
 * @param availableAt when they become spendable: the order's delivery plus the return window, say;
 *                    not before the request's {@code now}
 * @param expiresAt   when unspent ones expire, after {@code availableAt}; or null for never
 * @param explanation the grant in words for the member ({@code "2 × points as Gold member"}); at most 200 characters
 */
public record PointsGrant(String ruleId, long points, Instant availableAt, Instant expiresAt, String explanation) {
    /** The most points one grant may carry, so no arithmetic on balances can overflow. */
    public static final long MAX_POINTS = 100_000_000L;

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the dates are out of order; the
     *                                  message names the field
     */
    public PointsGrant {
        Checks.matches(
                ruleId, "PointsGrant.ruleId", "[a-z0-9][a-z0-9-]{0,63}", "lower-case letters, digits and hyphens");
        Checks.positive(points, "PointsGrant.points");
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("PointsGrant.points must be at most " + MAX_POINTS + ", was " + points);
        }
        Checks.required(availableAt, "PointsGrant.availableAt");
        if (expiresAt != null && !expiresAt.isAfter(availableAt)) {
            throw new IllegalArgumentException("PointsGrant.expiresAt must be after availableAt");
        }
        Checks.text(explanation, "PointsGrant.explanation", 200);
    }
}
