package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * An order was refunded or cancelled: take back the points it earned (in proportion to the refund)
 * and give back points redeemed on it, as the programme's rules say.
 *
 * @param idempotencyKey the platform's key: the same key reverses once; at most 128 characters
 * @param customerId     the customer; at most 128 characters
 * @param orderId        the order refunded; at most 64 characters
 * @param refundedAmount how much of the order was refunded by this event; greater than zero
 * @param reason         why, for the ledger; at most 200 characters, or null
 */
public record PointsReversal(
        String idempotencyKey, String customerId, String orderId, Money refundedAmount, String reason) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PointsReversal {
        Checks.text(idempotencyKey, "PointsReversal.idempotencyKey", 128);
        Checks.text(customerId, "PointsReversal.customerId", 128);
        Checks.text(orderId, "PointsReversal.orderId", 64);
        Checks.positive(refundedAmount, "PointsReversal.refundedAmount");
        Checks.optionalText(reason, "PointsReversal.reason", 200);
    }
}
