package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import java.time.LocalDate;

/**
 * Whether one requested line may be returned, and under which rule.
 *
 * @param lineRef     the order's cart line id
 * @param eligible    whether it may be returned
 * @param returnBy    the last day to send it back, or null when not eligible
 * @param ruleId      the rule that decided ({@code "EU-CRD-14D"}, {@code "store-30d"},
 *                    {@code "exempt-personalised"}); at most 64 characters
 * @param explanation the rule in words, for the shopper; at most 300 characters
 */
public record LineEligibility(String lineRef, boolean eligible, LocalDate returnBy, String ruleId, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or {@code returnBy} is missing for an
     *                                  eligible line or present for an ineligible one
     */
    public LineEligibility {
        Checks.text(lineRef, "LineEligibility.lineRef", 64);
        if (eligible && returnBy == null) {
            throw new IllegalArgumentException("LineEligibility.returnBy is required for an eligible line");
        }
        if (!eligible && returnBy != null) {
            throw new IllegalArgumentException("LineEligibility.returnBy must be null for an ineligible line");
        }
        Checks.text(ruleId, "LineEligibility.ruleId", 64);
        Checks.text(explanation, "LineEligibility.explanation", 300);
    }
}
