package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;

/**
 * An attributed order to compute a commission for.
 *
 * @param order       the order; its {@code totals().discount()} includes loyalty rewards, so the
 *                    programme can avoid rewarding the same order twice
 * @param attribution the referral the order was credited to
 */
public record CommissionRequest(Order order, Attribution attribution) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is missing
     */
    public CommissionRequest {
        Checks.required(order, "CommissionRequest.order");
        Checks.required(attribution, "CommissionRequest.attribution");
    }
}
