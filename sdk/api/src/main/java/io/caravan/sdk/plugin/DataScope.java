package io.caravan.sdk.plugin;

/**
 * Personal data a plugin may read beyond what every plugin receives. Declared in the descriptor's
 * {@code permissions.data}, shown to the merchant before installing (GDPR: purpose limitation and
 * data minimisation); without the scope the platform withholds the data from the values the plugin
 * receives. New scopes may be added in a minor version.
 */
public enum DataScope {
    /**
     * The customer's e-mail address ({@code Customer.email}); without it the field is null.
     */
    CUSTOMER_CONTACT,
    /**
     * Street lines and recipient of addresses ({@code Address.lines}, {@code Address.recipient});
     * without it they are empty and null. Country, region, postal code and city are always given.
     */
    ADDRESS_LINES
}
