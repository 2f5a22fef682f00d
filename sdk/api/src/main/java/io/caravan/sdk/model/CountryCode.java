package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import java.util.Locale;
import java.util.Set;

/**
 * A country as an ISO 3166-1 alpha-2 code ({@code "DE"}, {@code "GB"}, {@code "CN"}), upper case
 * and assigned. Used for destinations, warehouses, origins of goods and tax jurisdictions.
 *
 * @param code the two-letter code, upper case
 */
public record CountryCode(String code) {

    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    /**
     * Validates the code.
     *
     * @throws IllegalArgumentException if the code is null, not two upper-case letters, or not an
     *                                  assigned ISO 3166-1 country
     */
    public CountryCode {
        Checks.matches(code, "CountryCode.code", "[A-Z]{2}", "two upper-case letters (ISO 3166-1 alpha-2)");
        if (!ASSIGNED.contains(code)) {
            throw new IllegalArgumentException(
                    "CountryCode.code must be an assigned ISO 3166-1 alpha-2 code, was \"" + code + "\"");
        }
    }

    /**
     * The country with the given code.
     *
     * @param code an ISO 3166-1 alpha-2 code, upper case, e.g. {@code "FR"}
     * @return the country
     * @throws IllegalArgumentException if the code is not an assigned upper-case alpha-2 code
     */
    public static CountryCode of(String code) {
        return new CountryCode(code);
    }

    /**
     * The code itself.
     *
     * @return the two-letter code, e.g. {@code "FR"}
     */
    @Override
    public String toString() {
        return code;
    }
}
