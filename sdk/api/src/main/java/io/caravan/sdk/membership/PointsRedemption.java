package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import java.util.Currency;

/**
 * Points to spend, for a discount at checkout or a reward.
 *
 * @param idempotencyKey the platform's key: the same key redeems once; at most 128 characters
 * @param customerId     the customer spending; at most 128 characters
 * @param points         how many points; greater than zero
 * @param orderId        the order the points pay towards, or null for a reward outside an order
 * @param currency       the currency to value the points in
 */
public record PointsRedemption(
        String idempotencyKey, String customerId, long points, String orderId, Currency currency) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PointsRedemption {
        Checks.text(idempotencyKey, "PointsRedemption.idempotencyKey", 128);
        Checks.text(customerId, "PointsRedemption.customerId", 128);
        Checks.positive(points, "PointsRedemption.points");
        Checks.optionalText(orderId, "PointsRedemption.orderId", 64);
        Checks.required(currency, "PointsRedemption.currency");
    }
}
