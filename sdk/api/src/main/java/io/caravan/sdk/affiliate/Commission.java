package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.math.BigDecimal;

/**
 * What an affiliate earns on an order.
 *
 * @param affiliateId the affiliate; at most 128 characters
 * @param orderId     the order; at most 64 characters
 * @param amount      the commission, in the order's currency; not negative
 * @param rate        the rate applied as a fraction of the commissionable amount, or null for a
 *                    flat amount; not negative
 * @param ruleId      the commission rule ({@code "micro-kol-apparel-8pct"}); at most 64 characters
 * @param explanation the computation in words, for the merchant and the affiliate; at most 300 characters
 */
public record Commission(
        String affiliateId, String orderId, Money amount, BigDecimal rate, String ruleId, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Commission {
        Checks.text(affiliateId, "Commission.affiliateId", 128);
        Checks.text(orderId, "Commission.orderId", 64);
        Checks.nonNegative(amount, "Commission.amount");
        if (rate != null) {
            Checks.nonNegative(rate, "Commission.rate");
        }
        Checks.text(ruleId, "Commission.ruleId", 64);
        Checks.text(explanation, "Commission.explanation", 300);
    }
}
