package io.caravan.platform.tenancy.domain;

/** What a store API key may do. New scopes arrive with the endpoints they open. */
public enum ApiKeyScope {
    /** Read the store's public storefront settings (currency, countries, price display). */
    STOREFRONT_READ("storefront:read"),
    /** Ask the store's tax plugin for a quote (checkout). */
    TAX_QUOTE("tax:quote"),
    /** Read the store's catalogue: products, variants, prices and availability (storefront). */
    CATALOG_READ("catalog:read"),
    /** Open and change checkouts and place orders (storefront). */
    CHECKOUT_WRITE("checkout:write");

    private final String value;

    ApiKeyScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ApiKeyScope parse(String value) {
        for (ApiKeyScope scope : values()) {
            if (scope.value.equals(value)) {
                return scope;
            }
        }
        throw new InvalidStoreException(
                "unknown API key scope '" + value + "'; known scopes: storefront:read, tax:quote");
    }
}
