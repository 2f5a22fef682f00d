package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.money.Money;

/**
 * One line of a customs declaration (commercial invoice, CN22/CN23).
 *
 * @param description  what the goods are, in plain words; at most 200 characters
 * @param hsCode       the commodity code, or null if unclassified (the carrier may refuse it)
 * @param origin       the country of manufacture
 * @param quantity     how many units; greater than zero
 * @param weightGrams  the net weight of all units; not negative
 * @param value        the transaction value of all units: what the shopper paid after discounts,
 *                     without consumption tax; not negative
 */
public record CustomsItem(
        String description, HsCode hsCode, CountryCode origin, int quantity, long weightGrams, Money value) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public CustomsItem {
        Checks.text(description, "CustomsItem.description", 200);
        Checks.required(origin, "CustomsItem.origin");
        Checks.positive(quantity, "CustomsItem.quantity");
        Checks.nonNegative(weightGrams, "CustomsItem.weightGrams");
        Checks.nonNegative(value, "CustomsItem.value");
    }

    /**
     * The customs line for a whole cart line. Customs value goods at the price actually paid: the
     * line's net amount after its discount, and without the consumption tax a tax-inclusive price
     * contains (the importing country levies its own).
     *
     * @param line              a cart line
     * @param prices            whether the cart's prices include tax
     * @param taxIncludedInLine the tax contained in the line's net amount (from the order's tax
     *                          quote); zero when prices exclude tax; not negative, at most the net
     *                          amount, in the line's currency
     * @return its title, HS code, origin, quantity, total weight and customs value
     * @throws IllegalArgumentException if the tax is negative, larger than the net amount, in another
     *                                  currency, or non-zero when prices exclude tax
     */
    public static CustomsItem of(LineItem line, PriceDisplay prices, Money taxIncludedInLine) {
        Checks.required(line, "CustomsItem.line");
        Checks.required(prices, "CustomsItem.prices");
        Checks.nonNegative(taxIncludedInLine, "CustomsItem.taxIncludedInLine");
        Checks.currency(taxIncludedInLine, line.unitPrice().currency(), "CustomsItem.taxIncludedInLine");
        Money net = line.netAmount();
        if (prices == PriceDisplay.EXCLUDING_TAX && taxIncludedInLine.minorUnits() != 0) {
            throw new IllegalArgumentException(
                    "CustomsItem.taxIncludedInLine must be zero when prices exclude tax, was " + taxIncludedInLine);
        }
        if (taxIncludedInLine.compareTo(net) > 0) {
            throw new IllegalArgumentException("CustomsItem.taxIncludedInLine must be at most the line's net amount ("
                    + net + "), was " + taxIncludedInLine);
        }
        return new CustomsItem(
                line.title(),
                line.hsCode(),
                line.origin(),
                line.quantity(),
                line.totalWeightGrams(),
                net.minus(taxIncludedInLine));
    }
}
