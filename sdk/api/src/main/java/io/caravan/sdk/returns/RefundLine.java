package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * The refund for one returned line.
 *
 * @param lineRef     the order's cart line id
 * @param quantity    the units refunded; greater than zero
 * @param amount      what is refunded for them, tax included; not negative
 * @param taxIncluded the tax part of {@code amount} (for the store's tax return); not negative, at
 *                    most {@code amount}
 * @param explanation how it was computed, for the shopper; at most 300 characters
 */
public record RefundLine(String lineRef, int quantity, Money amount, Money taxIncluded, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public RefundLine {
        Checks.text(lineRef, "RefundLine.lineRef", 64);
        Checks.positive(quantity, "RefundLine.quantity");
        Checks.nonNegative(amount, "RefundLine.amount");
        Checks.nonNegative(taxIncluded, "RefundLine.taxIncluded");
        Checks.currency(taxIncluded, amount.currency(), "RefundLine.taxIncluded");
        if (taxIncluded.compareTo(amount) > 0) {
            throw new IllegalArgumentException(
                    "RefundLine.taxIncluded must be at most amount (" + amount + "), was " + taxIncluded);
        }
        Checks.text(explanation, "RefundLine.explanation", 300);
    }
}
