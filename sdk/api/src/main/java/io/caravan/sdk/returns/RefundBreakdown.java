package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.util.Currency;
import java.util.List;

/**
 * The refund a return earns, line by line.
 *
 * @param lines          one refund line per returned line; at least one
 * @param shippingRefund the share of the original shipping refunded (e.g. for defective goods);
 *                       not negative
 * @param deductions     what is kept back (return shipping, restocking for used goods, as the law
 *                       allows); not negative
 * @param explanation    the computation in words, for the shopper; at most 500 characters
 */
public record RefundBreakdown(List<RefundLine> lines, Money shippingRefund, Money deductions, String explanation) {

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
        Checks.currency(
                Checks.nonNegative(deductions, "RefundBreakdown.deductions"), currency, "RefundBreakdown.deductions");
        Checks.text(explanation, "RefundBreakdown.explanation", 500);
        if (totalOf(lines, shippingRefund, deductions).isNegative()) {
            throw new IllegalArgumentException(
                    "RefundBreakdown.deductions (" + deductions + ") must not exceed the lines and shipping refunded");
        }
    }

    /**
     * What the shopper gets back: the lines plus the shipping refund, minus the deductions.
     *
     * @return the refund total; not negative
     */
    public Money total() {
        return totalOf(lines, shippingRefund, deductions);
    }

    private static Money totalOf(List<RefundLine> lines, Money shippingRefund, Money deductions) {
        Money total = shippingRefund;
        for (RefundLine line : lines) {
            total = total.plus(line.amount());
        }
        return total.minus(deductions);
    }
}
