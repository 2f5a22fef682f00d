package io.caravan.platform.catalog.application;

import java.util.List;

/**
 * A warehouse as the merchant sends it. {@code servesCountries} absent or empty: every country.
 * {@code fulfilmentCostPerItem} in minor units of its currency (e.g. 500 USD for an Asia hub).
 */
public record WarehouseInput(
        String code,
        String name,
        AddressInput address,
        String kind,
        Integer handlingDays,
        MoneyInput fulfilmentCostPerItem,
        Integer priority,
        List<String> servesCountries,
        Boolean active) {

    /** A postal address; line1, city and country are required. */
    public record AddressInput(
            String line1, String line2, String city, String postalCode, String region, String country) {}

    /** An amount in minor units of an ISO 4217 currency. */
    public record MoneyInput(Long amountMinor, String currency) {}
}
