package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.money.Money;

/**
 * One line of a customs declaration (commercial invoice, CN22/CN23).
 *
 * @param description  what the goods are, in plain words; at most 200 characters
 * @param hsCode       the commodity code, or null if unclassified (the carrier may refuse it)
 * @param origin       the country of manufacture
 * @param quantity     how many units; greater than zero
 * @param weightGrams  the net weight of all units; not negative
 * @param value        the value of all units; not negative
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
     * The customs line for a whole cart line.
     *
     * @param line a cart line
     * @return its title, HS code, origin, quantity, total weight and amount
     */
    public static CustomsItem of(LineItem line) {
        return new CustomsItem(
                line.title(), line.hsCode(), line.origin(), line.quantity(), line.totalWeightGrams(), line.amount());
    }
}
