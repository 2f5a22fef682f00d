package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Cart;
import java.time.Instant;

/**
 * A member wants to pay part of a cart with points: what are they worth here?
 *
 * @param customerId the member; at most 128 characters
 * @param tierId     the member's tier, or null; at most 64 characters
 * @param balance    the member's balance now (the platform's ledger)
 * @param cart       the cart at checkout
 * @param points     how many points the member offers; greater than zero
 * @param now        the platform's time of the request
 */
public record RedemptionRequest(
        String customerId, String tierId, PointsBalance balance, Cart cart, long points, Instant now) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or the balance is another member's
     */
    public RedemptionRequest {
        Checks.text(customerId, "RedemptionRequest.customerId", 128);
        Checks.optionalText(tierId, "RedemptionRequest.tierId", 64);
        Checks.required(balance, "RedemptionRequest.balance");
        if (!balance.customerId().equals(customerId)) {
            throw new IllegalArgumentException("RedemptionRequest.balance is another member's");
        }
        Checks.required(cart, "RedemptionRequest.cart");
        Checks.positive(points, "RedemptionRequest.points");
        Checks.required(now, "RedemptionRequest.now");
    }
}
