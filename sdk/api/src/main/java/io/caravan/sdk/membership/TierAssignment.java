package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The tier a customer is in, and what it gives.
 *
 * @param tierId           the tier's stable id ({@code "basic"}, {@code "gold"}); at most 64 characters
 * @param displayName      the tier's name for the customer, in the context's locale; at most 100 characters
 * @param pointsMultiplier how many times the base accrual the tier earns ({@code 2} for double
 *                         points); not negative
 * @param benefits         the tier's benefits in words, for the customer; each at most 200 characters
 * @param platformBenefits the benefits the platform applies itself (priority dispatch, free
 *                         shipping or returns); may be empty
 * @param reviewOn         when the tier is next reassessed, or null
 * @param explanation      why this tier ({@code "EUR 620 spent in the last 12 months; Gold from EUR 500"});
 *                         at most 300 characters
 */
public record TierAssignment(
        String tierId,
        String displayName,
        BigDecimal pointsMultiplier,
        List<String> benefits,
        Set<TierBenefit> platformBenefits,
        LocalDate reviewOn,
        String explanation) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public TierAssignment {
        Checks.text(tierId, "TierAssignment.tierId", 64);
        Checks.text(displayName, "TierAssignment.displayName", 100);
        Checks.nonNegative(pointsMultiplier, "TierAssignment.pointsMultiplier");
        benefits = Checks.list(benefits, "TierAssignment.benefits");
        for (int i = 0; i < benefits.size(); i++) {
            Checks.text(benefits.get(i), "TierAssignment.benefits[" + i + "]", 200);
        }
        platformBenefits = Checks.set(platformBenefits, "TierAssignment.platformBenefits");
        Checks.text(explanation, "TierAssignment.explanation", 300);
    }
}
