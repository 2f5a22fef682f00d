package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;

/**
 * The physical facts of one unit of a product: what carriers weigh and customs classify. Grouped in
 * one value so that the country of manufacture ({@link #origin()}) cannot be swapped silently with
 * the country the goods leave from ({@link LineItem#shipFrom()}): they are never adjacent
 * parameters of the same record.
 *
 * @param weightGrams the shipping weight of one unit in grams; not negative (zero for digital goods)
 * @param dimensions  the outside dimensions of one unit as packed, or null when the merchant has not
 *                    recorded them (carriers then rate by weight)
 * @param hsCode      the commodity code for customs and duties, or null when the merchant has not
 *                    classified the product (duty plugins then apply the fallback they document)
 * @param origin      the country where the goods were made (decides preferential duty rates); required
 */
public record Goods(long weightGrams, Dimensions dimensions, HsCode hsCode, CountryCode origin) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Goods {
        Checks.nonNegative(weightGrams, "Goods.weightGrams");
        Checks.required(origin, "Goods.origin");
    }

    /**
     * Goods without dimensions or commodity code.
     *
     * @param weightGrams the weight of one unit in grams
     * @param origin      the country of manufacture
     * @return the goods
     */
    public static Goods of(long weightGrams, CountryCode origin) {
        return new Goods(weightGrams, null, null, origin);
    }
}
