package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;

/**
 * The shopper a call is about.
 *
 * <p>The e-mail address is personal data: a plugin whose descriptor does not declare the
 * {@code CUSTOMER_CONTACT} data scope receives {@code email} null.
 *
 * @param id      the store's stable id for the customer (guests get one too); not blank, at most 128 characters
 * @param email   the e-mail address, or null when withheld; one {@code @} with text on both sides, no
 *                whitespace, at most 254 characters
 * @param country the customer's country of residence, or null when unknown (the ship-to country
 *                decides taxes, not this)
 * @param tier    the membership tier id the store currently gives the customer ({@code "gold"}), or
 *                null for none; at most 64 characters
 */
public record Customer(String id, String email, CountryCode country, String tier) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Customer {
        Checks.text(id, "Customer.id", 128);
        if (email != null) {
            Checks.text(email, "Customer.email", 254);
            Checks.matches(email, "Customer.email", "[^@\\s]+@[^@\\s]+", "an e-mail address (local@domain)");
        }
        Checks.optionalText(tier, "Customer.tier", 64);
    }

    /**
     * The customer without the e-mail address: what a plugin without the {@code CUSTOMER_CONTACT}
     * scope sees.
     *
     * @return this customer with {@code email} null
     */
    public Customer withoutContact() {
        return new Customer(id, null, country, tier);
    }
}
