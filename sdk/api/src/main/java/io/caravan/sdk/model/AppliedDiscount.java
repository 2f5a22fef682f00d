package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * One discount granted on a cart, as a whole. Its amount is spread over the lines, the shipping
 * and the fees ({@link LineItem#discount()}, {@link Cart#shippingDiscount()}, {@link Fee#discount()});
 * the cart checks that the allocations add up to the discounts. Taxes are computed on the
 * allocated, discounted amounts.
 *
 * @param code        the code the shopper entered ({@code "WELCOME10"}), or null for a discount
 *                    without one (a membership tier, an automatic promotion); at most 64 characters
 * @param description the discount as the shopper sees it ({@code "10 % off your first order"}); at
 *                    most 200 characters
 * @param source      who granted it: {@code "store"} for the merchant's own promotions, or the
 *                    granting plugin's id ({@code "acme-loyalty"}); at most 64 characters
 * @param amount      the discount's total; greater than zero
 */
public record AppliedDiscount(String code, String description, String source, Money amount) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public AppliedDiscount {
        Checks.optionalText(code, "AppliedDiscount.code", 64);
        Checks.text(description, "AppliedDiscount.description", 200);
        Checks.text(source, "AppliedDiscount.source", 64);
        Checks.positive(amount, "AppliedDiscount.amount");
    }
}
