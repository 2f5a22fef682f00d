package io.caravan.plugins.tax;

import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.tax.CollectedAt;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one quote is about: the cart, the store's settings read for this call, and the one country
 * the goods ship from and the one they go to. Built per call; never shared between calls.
 */
record Consignment(Cart cart, TaxSettings settings, CountryCode shipFrom, CountryCode destination) {

    /** The date whose rates and rules apply. */
    LocalDate orderDate() {
        return cart.orderDate();
    }

    /** The cart's ISO 4217 currency code, e.g. {@code "EUR"}. */
    String currencyCode() {
        return cart.currency().getCurrencyCode();
    }

    /**
     * When the charges due on import are paid: at checkout if the seller pays them (DDP), on
     * delivery otherwise (DAP).
     */
    CollectedAt importChargesCollectedAt() {
        return settings.dutyTreatment() == DutyTreatment.DDP ? CollectedAt.CHECKOUT : CollectedAt.DELIVERY;
    }

    /** Who pays the charges due on import, as the explanations say it. */
    String importChargesPayer() {
        return settings.dutyTreatment() == DutyTreatment.DDP
                ? "paid by the seller (DDP)"
                : "paid by the shopper on delivery (DAP)";
    }

    /** An amount in the cart's currency converted for a threshold comparison (see {@link TaxSettings#convert}). */
    BigDecimal inCurrency(BigDecimal cartAmount, String currency) {
        return settings.convert(cartAmount, currencyCode(), currency);
    }

    /** How the conversion from the cart's currency was made, for explanations; empty if none was needed. */
    String conversionNote(String currency) {
        return settings.describe(currencyCode(), currency);
    }
}
