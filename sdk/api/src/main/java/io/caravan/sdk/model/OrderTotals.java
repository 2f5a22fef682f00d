package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.util.Currency;

/**
 * The amounts of a placed order, all in the order's currency and none negative.
 *
 * @param subtotal  the lines' amounts before discounts, as the cart carried them
 * @param shipping  the shipping charge before its discount, as the cart carried it
 * @param fees      the fees before their discounts (the cash-on-delivery fee)
 * @param discounts every discount granted (allocated to lines, shipping and fees), as a positive
 *                  amount to subtract
 * @param tax       tax charged at checkout, computed on the discounted amounts; contained in the
 *                  prices when the cart's prices include tax
 * @param duties    duties and import taxes collected at checkout (delivered duty paid); duties the
 *                  shopper pays the carrier on delivery are not in the order
 * @param total     what the shopper paid or will pay at checkout
 */
public record OrderTotals(
        Money subtotal, Money shipping, Money fees, Money discounts, Money tax, Money duties, Money total) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if an amount is missing, negative, or in a different
     *                                  currency from {@code subtotal}
     */
    public OrderTotals {
        Checks.nonNegative(subtotal, "OrderTotals.subtotal");
        Currency currency = subtotal.currency();
        Checks.currency(Checks.nonNegative(shipping, "OrderTotals.shipping"), currency, "OrderTotals.shipping");
        Checks.currency(Checks.nonNegative(fees, "OrderTotals.fees"), currency, "OrderTotals.fees");
        Checks.currency(Checks.nonNegative(discounts, "OrderTotals.discounts"), currency, "OrderTotals.discounts");
        Checks.currency(Checks.nonNegative(tax, "OrderTotals.tax"), currency, "OrderTotals.tax");
        Checks.currency(Checks.nonNegative(duties, "OrderTotals.duties"), currency, "OrderTotals.duties");
        Checks.currency(Checks.nonNegative(total, "OrderTotals.total"), currency, "OrderTotals.total");
    }

    /**
     * The currency of every amount.
     *
     * @return {@code subtotal().currency()}
     */
    public Currency currency() {
        return subtotal.currency();
    }
}
