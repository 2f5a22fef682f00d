package io.caravan.plugins.payments;

import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginConfiguration;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Cash on delivery: where it is offered (the bundled reference data, {@code data/cod_countries.csv},
 * plus the merchant's {@code addCountries}, minus {@code removeCountries}), its fee, the largest
 * order it may pay, and whether the order needs the shopper's confirmation before dispatch (on by
 * default: unconfirmed COD orders are the ones couriers bring back). Amounts are minor units of
 * {@code cashOnDelivery.currency}; a cart in another currency is not offered COD (no hidden
 * conversion).
 */
final class CashOnDelivery {
    /** Countries where the reference data lists cash on delivery (status 2026-11-22). */
    static final Set<String> DATA_COUNTRIES = Csv.read("data/cod_countries.csv").stream()
            .filter(row -> "COD".equals(row.get("type")))
            .map(row -> row.get("country_code").toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private final boolean enabled;
    private final Set<String> countries;
    private final Optional<Currency> currency;
    private final long fee;
    private final OptionalLong maximum;
    private final boolean confirmationRequired;

    private CashOnDelivery(PluginConfiguration c) {
        this.enabled = c.bool("/cashOnDelivery/enabled").orElse(true);
        Set<String> all = new TreeSet<>(DATA_COUNTRIES);
        all.addAll(upper(c, "/cashOnDelivery/addCountries"));
        all.removeAll(upper(c, "/cashOnDelivery/removeCountries"));
        this.countries = Set.copyOf(all);
        this.currency = c.string("/cashOnDelivery/currency").map(Currency::getInstance);
        this.fee = c.integer("/cashOnDelivery/fee").orElse(0);
        this.maximum = c.integer("/cashOnDelivery/maximumAmount");
        this.confirmationRequired =
                c.bool("/cashOnDelivery/confirmationRequired").orElse(true);
    }

    static CashOnDelivery of(PluginConfiguration configuration) {
        return new CashOnDelivery(configuration);
    }

    /** Why COD is not offered for this destination and amount, or empty when it is. */
    Optional<String> refusal(CountryCode destination, Money amount) {
        if (enabled && (destination == null || !countries.contains(destination.code()))) {
            return Optional.of("cash on delivery is not offered to "
                    + (destination == null ? "an unknown country" : destination.code()));
        }
        return refusal(amount);
    }

    /**
     * Why COD cannot pay this amount, or empty when it can. The destination is checked when the
     * methods are offered (the authorisation request names the shopper, not where the parcel goes).
     */
    Optional<String> refusal(Money amount) {
        if (!enabled) {
            return Optional.of("cash on delivery is switched off for this store");
        }
        if (currency.isPresent() && !currency.get().equals(amount.currency())) {
            return Optional.of("cash on delivery is configured in " + currency.get() + ", not "
                    + amount.currency().getCurrencyCode());
        }
        if (maximum.isPresent() && amount.minorUnits() > maximum.getAsLong()) {
            return Optional.of(
                    "the order is above the cash-on-delivery maximum of " + maximum.getAsLong() + " (minor units)");
        }
        return Optional.empty();
    }

    Money fee(Currency in) {
        return Money.ofMinor(fee, in.getCurrencyCode());
    }

    Optional<Money> maximum(Currency in) {
        return maximum.isPresent()
                ? Optional.of(Money.ofMinor(maximum.getAsLong(), in.getCurrencyCode()))
                : Optional.empty();
    }

    boolean confirmationRequired() {
        return confirmationRequired;
    }

    Set<String> countries() {
        return countries;
    }

    private static Set<String> upper(PluginConfiguration c, String pointer) {
        return c.strings(pointer).stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
