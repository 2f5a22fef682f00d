package io.caravan.sdk.model;

/**
 * How a product is taxed, in the vocabulary VAT and GST systems share. The tax plugin maps each
 * category to the destination's rate on the order date; a category a country does not have falls
 * back as the plugin documents (usually to {@link #STANDARD}).
 */
public enum TaxCategory {
    /** The standard rate (most goods). */
    STANDARD,
    /** A reduced rate (food, books, children's clothing, depending on the country). */
    REDUCED,
    /** A super-reduced rate below the reduced rates (some EU states, e.g. basic food, medicines). */
    SUPER_REDUCED,
    /** A parking rate (EU states that kept one for certain goods). */
    PARKING,
    /** Taxable at a rate of zero: the sale stays in the tax system (input tax recoverable). */
    ZERO,
    /** Exempt from the tax (outside its scope or exempted by law). */
    EXEMPT
}
