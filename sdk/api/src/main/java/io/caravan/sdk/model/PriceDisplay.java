package io.caravan.sdk.model;

/**
 * Whether the prices a store shows, and a cart carries, include the consumption tax. Set per store
 * and market (EU and UK shoppers expect prices including VAT, US shoppers prices before sales tax).
 */
public enum PriceDisplay {
    /** Unit prices and shipping already contain the tax; the tax is computed out of them. */
    INCLUDING_TAX,
    /** Unit prices and shipping are net; the tax is added on top. */
    EXCLUDING_TAX
}
