package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.util.Currency;
import java.util.List;

/**
 * The refund a plugin proposes for a return, line by line. A proposal: the platform caps each line
 * at what remains paid of it, the shipping at what remains paid of the shipping, and pays the
 * capped amount through the payment plugin that took the money (or as store credit).
 *
 * @param lines          one refund line per returned line to refund; at least one, one currency
 * @param shippingRefund the part of the original shipping given back (the EU requires the standard
 *                       delivery cost back when the whole order is withdrawn); not negative
 * @param deductions     what is kept back, each with its reason; in the lines' currency
 * @param explanation    the computation in words, for the shopper; at most 500 characters
 */
public record RefundBreakdown(
        List<RefundLine> lines, Money shippingRefund, List<Deduction> deductions, String explanation) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, the amounts are in different
     *                                  currencies, or the deductions exceed what is refunded
     */
    public RefundBreakdown {
        lines = Checks.nonEmptyList(lines, "RefundBreakdown.lines");
        Currency currency = lines.get(0).amount().currency();
        for (int i = 0; i < lines.size(); i++) {
            Checks.currency(lines.get(i).amount(), currency, "RefundBreakdown.lines[" + i + "].amount");
        }
        Checks.currency(
                Checks.nonNegative(shippingRefund, "RefundBreakdown.shippingRefund"),
                currency,
                "RefundBreakdown.shippingRefund");
        deductions = Checks.list(deductions, "RefundBreakdown.deductions");
        for (int i = 0; i < deductions.size(); i++) {
            Checks.currency(deductions.get(i).amount(), currency, "RefundBreakdown.deductions[" + i + "].amount");
        }
        Checks.text(explanation, "RefundBreakdown.explanation", 500);
        if (totalOf(lines, shippingRefund, deductions).isNegative()) {
            throw new IllegalArgumentException(
                    "RefundBreakdown.deductions must not exceed the lines and shipping refunded");
        }
    }

    /**
     * What the shopper gets back as proposed: the lines plus the shipping refund, minus the deductions.
     *
     * @return the refund total; not negative
     */
    public Money total() {
        return totalOf(lines, shippingRefund, deductions);
    }

    private static Money totalOf(List<RefundLine> lines, Money shippingRefund, List<Deduction> deductions) {
        Money total = shippingRefund;
        for (RefundLine line : lines) {
            total = total.plus(line.amount());
        }
        for (Deduction deduction : deductions) {
            total = total.minus(deduction.amount());
        }
        return total;
    }
}
