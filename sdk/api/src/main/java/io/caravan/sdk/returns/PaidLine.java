package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * What the shopper paid for one order line and what has been refunded of it so far, from the
 * platform's payment records: the cap of every further refund of the line.
 *
 * @param lineRef  the order's cart line id; at most 64 characters
 * @param quantity the units bought; greater than zero
 * @param paid     what was paid for the line after its discount, tax included; not negative
 * @param refunded what earlier refunds gave back of it; not negative, at most {@code paid}, same currency
 */
public record PaidLine(String lineRef, int quantity, Money paid, Money refunded) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or more was refunded than paid
     */
    public PaidLine {
        Checks.text(lineRef, "PaidLine.lineRef", 64);
        Checks.positive(quantity, "PaidLine.quantity");
        Checks.nonNegative(paid, "PaidLine.paid");
        Checks.currency(Checks.nonNegative(refunded, "PaidLine.refunded"), paid.currency(), "PaidLine.refunded");
        if (refunded.compareTo(paid) > 0) {
            throw new IllegalArgumentException(
                    "PaidLine.refunded must be at most paid (" + paid + "), was " + refunded);
        }
    }

    /**
     * What may still be refunded of the line.
     *
     * @return {@code paid − refunded}
     */
    public Money remaining() {
        return paid.minus(refunded);
    }
}
