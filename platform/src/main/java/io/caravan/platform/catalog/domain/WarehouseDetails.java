package io.caravan.platform.catalog.domain;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the merchant says about a warehouse, already validated. {@code servesCountries} empty
 * means every country; the fulfilment cost is per item, in minor units of {@code costCurrency}.
 */
public record WarehouseDetails(
        String code,
        String name,
        String addressLine1,
        String addressLine2,
        String city,
        String postalCode,
        String region,
        String country,
        WarehouseKind kind,
        int handlingDays,
        long costPerItemMinor,
        String costCurrency,
        int priority,
        Set<String> servesCountries,
        boolean active) {
    public WarehouseDetails {
        servesCountries = java.util.Collections.unmodifiableSet(new TreeSet<>(servesCountries));
    }
}
