package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.money.Money;
import java.time.Instant;
import java.util.Map;

/**
 * An order whose payment succeeded, for the programme to propose what it earns.
 *
 * <p>What earns points is the platform's to say, not the plugin's to guess: {@code eligibleAmount}
 * and {@code eligibleLines} are after the store's <b>stacking rule</b> (say, no points on the part
 * an affiliate's discount paid for) and without tax, shipping and points spent on the order.
 *
 * @param order          the order
 * @param customerId     the member; at most 128 characters
 * @param tierId         the member's tier when the order was placed, or null for none; at most 64 characters
 * @param eligibleAmount the amount that earns points, the sum of {@code eligibleLines}; not negative
 * @param eligibleLines  line id → its part of {@code eligibleAmount}, for rules by product or
 *                       category; every amount in the order's currency, not negative
 * @param stackingRule   the store's rule in words ({@code "points on the part not paid by an
 *                       affiliate discount"}), for the plugin's explanations; at most 200 characters
 * @param now            the platform's time of the request: grants are available from it at the earliest
 */
public record EarnRequest(
        Order order,
        String customerId,
        String tierId,
        Money eligibleAmount,
        Map<String, Money> eligibleLines,
        String stackingRule,
        Instant now) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or the lines do not sum to the
     *                                  eligible amount; the message names the field
     */
    public EarnRequest {
        Checks.required(order, "EarnRequest.order");
        Checks.text(customerId, "EarnRequest.customerId", 128);
        Checks.optionalText(tierId, "EarnRequest.tierId", 64);
        Checks.nonNegative(eligibleAmount, "EarnRequest.eligibleAmount");
        eligibleLines = Checks.map(eligibleLines, "EarnRequest.eligibleLines");
        Money sum = Money.zero(eligibleAmount.currency());
        for (Map.Entry<String, Money> line : eligibleLines.entrySet()) {
            Checks.nonNegative(line.getValue(), "EarnRequest.eligibleLines[" + line.getKey() + "]");
            sum = sum.plus(Checks.currency(
                    line.getValue(), eligibleAmount.currency(), "EarnRequest.eligibleLines[" + line.getKey() + "]"));
        }
        if (!sum.equals(eligibleAmount)) {
            throw new IllegalArgumentException(
                    "EarnRequest.eligibleAmount must be the lines' total (" + sum + "), was " + eligibleAmount);
        }
        Checks.text(stackingRule, "EarnRequest.stackingRule", 200);
        Checks.required(now, "EarnRequest.now");
    }
}
