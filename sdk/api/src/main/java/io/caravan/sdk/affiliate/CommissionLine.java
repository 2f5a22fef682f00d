package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.math.BigDecimal;

/**
 * One order line's part of a commission.
 *
 * @param lineId        the order line; at most 64 characters
 * @param commissionable what of the line earns commission (the platform's figure, after the store's
 *                       stacking rule); not negative
 * @param rate          the rate applied, a fraction of {@code commissionable} ({@code 0.08}), or null
 *                      for a flat amount; not negative, at most 1
 * @param amount        the line's commission, in the same currency; not negative, at most
 *                      {@code commissionable} when a rate applies
 */
public record CommissionLine(String lineId, Money commissionable, BigDecimal rate, Money amount) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the amounts disagree; the
     *                                  message names the field
     */
    public CommissionLine {
        Checks.text(lineId, "CommissionLine.lineId", 64);
        Checks.nonNegative(commissionable, "CommissionLine.commissionable");
        Checks.currency(
                Checks.nonNegative(amount, "CommissionLine.amount"),
                commissionable.currency(),
                "CommissionLine.amount");
        if (rate != null) {
            Checks.nonNegative(rate, "CommissionLine.rate");
            if (rate.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("CommissionLine.rate must be at most 1, was " + rate);
            }
            if (amount.compareTo(commissionable) > 0) {
                throw new IllegalArgumentException("CommissionLine.amount must be at most commissionable under a rate");
            }
        }
    }
}
