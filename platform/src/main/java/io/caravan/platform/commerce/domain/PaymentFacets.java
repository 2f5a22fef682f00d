package io.caravan.platform.commerce.domain;

import io.caravan.platform.commerce.domain.StoreOrder.PaymentFacet;
import java.util.Collection;

/**
 * The order's payment facet, derived from its payments' amounts and open outcomes: never stored
 * beside the figures, so it cannot disagree with them.
 */
public final class PaymentFacets {
    private PaymentFacets() {}

    /**
     * @param total    the order total in minor units
     * @param payments every attempt of the order (failed ones included)
     */
    public static PaymentFacet derive(long total, Collection<Payment> payments) {
        PaymentAmounts sum = PaymentAmounts.NONE;
        boolean open = false;
        boolean anyAttempt = false;
        boolean allFailed = true;
        for (Payment payment : payments) {
            anyAttempt = true;
            sum = sum.plus(payment.amounts());
            open |= payment.outcome().open();
            allFailed &= payment.outcome().failed();
        }
        return derive(total, sum, open, anyAttempt && allFailed);
    }

    static PaymentFacet derive(long total, PaymentAmounts sum, boolean open, boolean allFailed) {
        if (sum.refunded() > 0) {
            return sum.refunded() >= sum.captured() && sum.captured() >= total
                    ? PaymentFacet.REFUNDED
                    : PaymentFacet.PARTIALLY_REFUNDED;
        }
        if (sum.captured() >= total && total > 0) {
            return PaymentFacet.PAID;
        }
        if (sum.captured() > 0) {
            return PaymentFacet.PARTIALLY_CAPTURED;
        }
        if (sum.authorized() >= total && total > 0) {
            return PaymentFacet.AUTHORIZED;
        }
        if (open || sum.anyPending() || sum.authorized() > 0) {
            return PaymentFacet.PENDING;
        }
        if (sum.voided() > 0) {
            return PaymentFacet.VOIDED;
        }
        if (allFailed) {
            return PaymentFacet.FAILED;
        }
        return PaymentFacet.NOT_PAID;
    }
}
