package io.caravan.platform.tenancy.domain;

/** Whether the storefront shows prices with tax included (typical in the EU/UK) or added at checkout (US). */
public enum PriceDisplay {
    INCLUDING_TAX,
    EXCLUDING_TAX
}
