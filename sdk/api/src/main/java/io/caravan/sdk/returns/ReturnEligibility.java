package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import java.util.List;

/**
 * The answer for every requested line.
 *
 * @param lines one answer per line of the request, in its order; at least one
 */
public record ReturnEligibility(List<LineEligibility> lines) {

    /**
     * Validates and copies the lines.
     *
     * @throws IllegalArgumentException if the list is null, empty or holds null
     */
    public ReturnEligibility {
        lines = Checks.nonEmptyList(lines, "ReturnEligibility.lines");
    }

    /**
     * Whether every requested line may be returned.
     *
     * @return {@code true} if all lines are eligible
     */
    public boolean allEligible() {
        return lines.stream().allMatch(LineEligibility::eligible);
    }
}
