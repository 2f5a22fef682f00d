package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * The part of a commission taken back.
 *
 * @param affiliateId the affiliate; at most 128 characters
 * @param orderId     the order; at most 64 characters
 * @param amount      the commission taken back; not negative
 * @param explanation the computation in words; at most 300 characters
 */
public record CommissionReversal(String affiliateId, String orderId, Money amount, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public CommissionReversal {
        Checks.text(affiliateId, "CommissionReversal.affiliateId", 128);
        Checks.text(orderId, "CommissionReversal.orderId", 64);
        Checks.nonNegative(amount, "CommissionReversal.amount");
        Checks.text(explanation, "CommissionReversal.explanation", 300);
    }
}
