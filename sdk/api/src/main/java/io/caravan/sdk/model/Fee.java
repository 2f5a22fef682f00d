package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * A charge on a cart other than goods and shipping, such as the cash-on-delivery fee. Taxed like
 * the lines and shipping (the tax plugin documents how: in the EU a fee follows the supply of the
 * goods, like shipping).
 *
 * @param feeId       the fee's id within its cart, distinct from every line id and from
 *                    {@code "shipping"}, the reference tax lines use ({@code "cod-fee"}); at most 64 characters
 * @param kind        what the fee is for
 * @param description the fee as the shopper sees it ({@code "Cash on delivery fee"}); at most 200 characters
 * @param amount      the fee before discounts, including or excluding tax as the cart's
 *                    {@link Cart#prices()} says; not negative
 * @param discount    the part of the cart's discounts allocated to this fee; not negative, at most
 *                    {@code amount}, same currency
 * @param taxCategory how the fee is taxed when it is taxed on its own; required
 */
public record Fee(
        String feeId, FeeKind kind, String description, Money amount, Money discount, TaxCategory taxCategory) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Fee {
        Checks.text(feeId, "Fee.feeId", 64);
        Checks.required(kind, "Fee.kind");
        Checks.text(description, "Fee.description", 200);
        Checks.nonNegative(amount, "Fee.amount");
        Checks.nonNegative(discount, "Fee.discount");
        Checks.currency(discount, amount.currency(), "Fee.discount");
        if (discount.compareTo(amount) > 0) {
            throw new IllegalArgumentException(
                    "Fee.discount must be at most Fee.amount (" + amount + "), was " + discount);
        }
        Checks.required(taxCategory, "Fee.taxCategory");
    }

    /**
     * A fee without discount, taxed at the standard rate.
     *
     * @param feeId       the fee's id
     * @param kind        what it is for
     * @param description the text the shopper sees
     * @param amount      the fee
     * @return the fee
     */
    public static Fee of(String feeId, FeeKind kind, String description, Money amount) {
        return new Fee(feeId, kind, description, amount, Money.zero(amount.currency()), TaxCategory.STANDARD);
    }

    /**
     * What the shopper pays for the fee after its discount.
     *
     * @return {@code amount − discount}
     */
    public Money netAmount() {
        return amount.minus(discount);
    }
}
