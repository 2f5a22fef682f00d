package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A reduction a plugin grants on a cart.
 *
 * @param discountId  the plugin's stable id for the discount ({@code "gold-5pct"}); at most 64 characters
 * @param lineRef     the cart line it reduces, or null for the whole cart
 * @param amount      the reduction, in the cart's currency; greater than zero
 * @param explanation why, for the shopper ({@code "Gold member: 5 % off"}); at most 200 characters
 */
public record Discount(String discountId, String lineRef, Money amount, String explanation) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Discount {
        Checks.text(discountId, "Discount.discountId", 64);
        Checks.optionalText(lineRef, "Discount.lineRef", 64);
        Checks.positive(amount, "Discount.amount");
        Checks.text(explanation, "Discount.explanation", 200);
    }
}
