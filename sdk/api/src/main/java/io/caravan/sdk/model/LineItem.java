package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;

/**
 * One line of a cart or order: a quantity of one product at one unit price.
 *
 * @param lineId       the line's id within its cart, the reference results use to point at it
 *                     ({@code TaxLine.lineRef}, return lines); not blank, at most 64 characters
 * @param sku          the merchant's stock-keeping unit; not blank, at most 64 characters
 * @param title        the product title as the shopper sees it (also the customs description);
 *                     not blank, at most 200 characters
 * @param quantity     how many units; greater than zero
 * @param unitPrice    the price of one unit, including or excluding tax as the cart's
 *                     {@link Cart#prices()} says; not negative
 * @param weightGrams  the shipping weight of one unit in grams; not negative (zero for digital goods)
 * @param hsCode       the commodity code for customs and duties, or null when the merchant has not
 *                     classified the product (duty plugins then apply the fallback they document)
 * @param origin       the country where the goods were made (decides preferential duty rates); required
 * @param shipFrom     the country the goods leave from, i.e. the warehouse's country (decides whether
 *                     the sale is domestic, intra-EU or an import); required
 * @param taxCategory  how the product is taxed; required
 */
public record LineItem(
        String lineId,
        String sku,
        String title,
        int quantity,
        Money unitPrice,
        long weightGrams,
        HsCode hsCode,
        CountryCode origin,
        CountryCode shipFrom,
        TaxCategory taxCategory) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public LineItem {
        Checks.text(lineId, "LineItem.lineId", 64);
        Checks.text(sku, "LineItem.sku", 64);
        Checks.text(title, "LineItem.title", 200);
        Checks.positive(quantity, "LineItem.quantity");
        Checks.nonNegative(unitPrice, "LineItem.unitPrice");
        Checks.nonNegative(weightGrams, "LineItem.weightGrams");
        Checks.required(origin, "LineItem.origin");
        Checks.required(shipFrom, "LineItem.shipFrom");
        Checks.required(taxCategory, "LineItem.taxCategory");
        // Fails on overflow now rather than in every plugin that sums the line.
        unitPrice.times(quantity);
        Math.multiplyExact(weightGrams, quantity);
    }

    /**
     * The line's amount: unit price times quantity, exact.
     *
     * @return {@code unitPrice × quantity}, in the unit price's currency
     */
    public Money amount() {
        return unitPrice.times(quantity);
    }

    /**
     * The line's shipping weight: unit weight times quantity.
     *
     * @return the weight of all units in grams
     */
    public long totalWeightGrams() {
        return weightGrams * quantity;
    }
}
