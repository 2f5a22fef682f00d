package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * The store's decision on one requested line.
 *
 * @param lineRef       the requested line; at most 64 characters
 * @param quantity      the units authorised: at most the units requested, 0 when the line is declined
 * @param resolution    what the shopper gets for them (may differ from what they asked: a
 *                      replacement instead of a refund where the law allows); required when
 *                      authorised, null when declined
 * @param restockingFee a fee kept back from the refund of these units, where the law allows one
 *                      (never on a statutory withdrawal in the EU or UK of goods handled only to
 *                      inspect them), or null for none; not negative; null when declined
 * @param ruleId        the store rule or legal rule that decided ({@code "store-30d"},
 *                      {@code "EU-CRD-14D"}, {@code "exempt-personalised"}); at most 64 characters
 * @param explanation   the decision in words, for the shopper; at most 300 characters
 */
public record LineDecision(
        String lineRef,
        int quantity,
        ResolutionType resolution,
        Money restockingFee,
        String ruleId,
        String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or a declined line carries a
     *                                  resolution or a fee; the message names the field
     */
    public LineDecision {
        Checks.text(lineRef, "LineDecision.lineRef", 64);
        Checks.nonNegative(quantity, "LineDecision.quantity");
        if (quantity > 0) {
            Checks.required(resolution, "LineDecision.resolution (an authorised line)");
        } else {
            if (resolution != null) {
                throw new IllegalArgumentException("LineDecision.resolution must be null for a declined line");
            }
            if (restockingFee != null) {
                throw new IllegalArgumentException("LineDecision.restockingFee must be null for a declined line");
            }
        }
        if (restockingFee != null) {
            Checks.nonNegative(restockingFee, "LineDecision.restockingFee");
        }
        Checks.text(ruleId, "LineDecision.ruleId", 64);
        Checks.text(explanation, "LineDecision.explanation", 300);
    }

    /**
     * Whether any unit of the line is authorised.
     *
     * @return {@code quantity > 0}
     */
    public boolean authorized() {
        return quantity > 0;
    }
}
