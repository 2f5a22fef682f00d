package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a shopper is about to buy, as the checkout sees it: the lines, the shipping charge, where it
 * goes, who buys, and the date whose rules apply.
 *
 * @param currency  the currency of every amount in the cart (the shopper's checkout currency)
 * @param prices    whether unit prices and shipping include tax
 * @param lines     the lines; at least one, all in {@code currency}, with distinct {@code lineId}s
 * @param shipping  the shipping charge before tax (or including it, as {@code prices} says); not
 *                  negative, in {@code currency}
 * @param shipTo    the delivery address; its country is the destination for tax and duties
 * @param customer  the buyer
 * @param orderDate the date whose tax rates and import rules apply: today for a checkout quote,
 *                  the placement date for a placed order
 */
public record Cart(
        Currency currency,
        PriceDisplay prices,
        List<LineItem> lines,
        Money shipping,
        Address shipTo,
        Customer customer,
        LocalDate orderDate) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, a line or the shipping charge is
     *                                  in another currency, or two lines share an id
     */
    public Cart {
        Checks.required(currency, "Cart.currency");
        Checks.required(prices, "Cart.prices");
        lines = Checks.nonEmptyList(lines, "Cart.lines");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            LineItem line = lines.get(i);
            Checks.currency(line.unitPrice(), currency, "Cart.lines[" + i + "].unitPrice");
            if (!ids.add(line.lineId())) {
                throw new IllegalArgumentException(
                        "Cart.lines[" + i + "].lineId \"" + line.lineId() + "\" is used by another line");
            }
        }
        Checks.nonNegative(shipping, "Cart.shipping");
        Checks.currency(shipping, currency, "Cart.shipping");
        Checks.required(shipTo, "Cart.shipTo");
        Checks.required(customer, "Cart.customer");
        Checks.required(orderDate, "Cart.orderDate");
        // Fails on overflow now rather than in every plugin that totals the cart.
        subtotalOf(lines, currency);
    }

    /**
     * The sum of the lines' amounts, without shipping.
     *
     * @return the subtotal in {@link #currency()}
     */
    public Money subtotal() {
        return subtotalOf(lines, currency);
    }

    /**
     * The line with an id.
     *
     * @param lineId a line id
     * @return the line
     * @throws IllegalArgumentException if no line has that id
     */
    public LineItem line(String lineId) {
        for (LineItem line : lines) {
            if (line.lineId().equals(lineId)) {
                return line;
            }
        }
        throw new IllegalArgumentException("Cart has no line \"" + lineId + "\"");
    }

    /**
     * The destination country, for tax and duties.
     *
     * @return {@code shipTo().country()}
     */
    public CountryCode destination() {
        return shipTo.country();
    }

    private static Money subtotalOf(List<LineItem> lines, Currency currency) {
        Money total = Money.zero(currency);
        for (LineItem line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }
}
