package io.caravan.platform.tenancy.domain;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a store sells in and to: its default currency (ISO 4217), the countries it sells to
 * (ISO 3166-1 alpha-2, kept sorted and unique) and how prices are displayed.
 */
public record StoreSettings(
        String name, Currency defaultCurrency, List<String> sellingCountries, PriceDisplay priceDisplay) {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public StoreSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        Objects.requireNonNull(priceDisplay, "priceDisplay");
        if (name.isBlank() || name.length() > 200) {
            throw new InvalidStoreException("name must be 1 to 200 characters");
        }
        if (sellingCountries == null || sellingCountries.isEmpty()) {
            throw new InvalidStoreException("sellingCountries must name at least one country");
        }
        TreeSet<String> unique = new TreeSet<>();
        for (String country : sellingCountries) {
            if (country == null || !ISO_COUNTRIES.contains(country)) {
                throw new InvalidStoreException("sellingCountries: '" + country
                        + "' is not an ISO 3166-1 alpha-2 country code (e.g. DE, GB, BR)");
            }
            unique.add(country);
        }
        sellingCountries = List.copyOf(unique);
        name = name.strip();
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code. */
    public static boolean isCountry(String code) {
        return code != null && ISO_COUNTRIES.contains(code);
    }

    /** Parses an ISO 4217 code, refusing codes that are not real currencies. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidStoreException("defaultCurrency must be an ISO 4217 code in capitals, e.g. EUR");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new InvalidStoreException("defaultCurrency '" + code + "' is not a spendable currency");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new InvalidStoreException("defaultCurrency '" + code + "' is not an ISO 4217 currency");
        }
    }
}
