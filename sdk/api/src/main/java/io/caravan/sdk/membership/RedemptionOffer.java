package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * What the programme offers for a member's points on a cart. The platform checks it — at most the
 * points offered and the available balance, in the cart's currency, the value at most the cart's
 * subtotal — then <b>holds</b> the points when the order is placed, commits them when its payment
 * succeeds and releases them when it fails: a declined payment never leaves points spent.
 *
 * @param points      how many of the offered points to use (a programme may use fewer: a minimum
 *                    step, a cap per order); greater than zero
 * @param value       the discount they give, in the cart's currency; greater than zero
 * @param explanation the offer in words ({@code "1,000 points = EUR 5.00"}); at most 200 characters
 */
public record RedemptionOffer(long points, Money value, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public RedemptionOffer {
        Checks.positive(points, "RedemptionOffer.points");
        Checks.positive(value, "RedemptionOffer.value");
        Checks.text(explanation, "RedemptionOffer.explanation", 200);
    }
}
