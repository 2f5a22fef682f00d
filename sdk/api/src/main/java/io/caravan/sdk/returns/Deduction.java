package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * An amount kept back from a refund, and why.
 *
 * @param kind        why
 * @param lineRef     the line it concerns, or null for the case as a whole (return postage); at
 *                    most 64 characters
 * @param amount      how much; greater than zero
 * @param explanation in words, for the shopper; at most 300 characters
 */
public record Deduction(DeductionKind kind, String lineRef, Money amount, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Deduction {
        Checks.required(kind, "Deduction.kind");
        Checks.optionalText(lineRef, "Deduction.lineRef", 64);
        Checks.positive(amount, "Deduction.amount");
        Checks.text(explanation, "Deduction.explanation", 300);
    }
}
