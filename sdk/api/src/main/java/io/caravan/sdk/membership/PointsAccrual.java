package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.money.Money;

/**
 * Points to earn for an order.
 *
 * @param idempotencyKey the platform's key: the same key accrues once; at most 128 characters
 * @param customer       the customer earning (with their current tier)
 * @param orderId        the order the points are for; at most 64 characters
 * @param eligibleAmount the amount that earns points (after discounts, without tax and shipping,
 *                       as the platform computes it); not negative
 */
public record PointsAccrual(String idempotencyKey, Customer customer, String orderId, Money eligibleAmount) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PointsAccrual {
        Checks.text(idempotencyKey, "PointsAccrual.idempotencyKey", 128);
        Checks.required(customer, "PointsAccrual.customer");
        Checks.text(orderId, "PointsAccrual.orderId", 64);
        Checks.nonNegative(eligibleAmount, "PointsAccrual.eligibleAmount");
    }
}
