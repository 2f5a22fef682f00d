package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import java.util.List;

/**
 * A postal address: a shopper's ship-to, a warehouse, a return destination.
 *
 * <p>The street lines are personal data. A plugin whose descriptor does not declare the
 * {@code ADDRESS_LINES} data scope receives addresses with {@code lines} empty and
 * {@code recipient} null; country, region, postal code and city (what tax and rating need) are
 * always present.
 *
 * @param country    the country; required
 * @param region     the state, province or county as the country's postal system writes it
 *                   ({@code "CA"}, {@code "Ontario"}), or null where none is used; at most 100 characters
 * @param postalCode the postal code as written ({@code "75008"}, {@code "SW1A 1AA"}), or null for
 *                   countries without postal codes; letters, digits, spaces and hyphens, at most 16 characters
 * @param city       the city or locality; not blank, at most 100 characters
 * @param lines      street lines, at most 4, none blank, each at most 200 characters; empty when withheld
 * @param recipient  the person or company the address is for, or null (also when withheld); at most 200 characters
 */
public record Address(
        CountryCode country, String region, String postalCode, String city, List<String> lines, String recipient) {

    /** The most street lines an address holds. */
    public static final int MAX_LINES = 4;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Address {
        Checks.required(country, "Address.country");
        Checks.optionalText(region, "Address.region", 100);
        if (postalCode != null) {
            Checks.matches(
                    postalCode,
                    "Address.postalCode",
                    "[A-Za-z0-9](?:[A-Za-z0-9 -]{0,14}[A-Za-z0-9])?",
                    "letters, digits, spaces and hyphens (at most 16)");
        }
        Checks.text(city, "Address.city", 100);
        lines = Checks.list(lines, "Address.lines");
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException(
                    "Address.lines must hold at most " + MAX_LINES + " lines, had " + lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            Checks.text(lines.get(i), "Address.lines[" + i + "]", 200);
        }
        Checks.optionalText(recipient, "Address.recipient", 200);
    }

    /**
     * An address without the personal parts: the same country, region, postal code and city, no
     * street lines and no recipient. What a plugin without the {@code ADDRESS_LINES} scope sees.
     *
     * @return the address with {@code lines} empty and {@code recipient} null
     */
    public Address withoutPersonalData() {
        return new Address(country, region, postalCode, city, List.of(), null);
    }
}
