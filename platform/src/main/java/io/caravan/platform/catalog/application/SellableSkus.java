package io.caravan.platform.catalog.application;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@link CatalogQueries#sellable}: the SKUs on sale, those the store has but does
 * not sell now (draft or archived product: {@code inactive}, with their details), and those it
 * does not have at all ({@code unknown}).
 */
public record SellableSkus(Map<String, Sellable> sellable, Map<String, Sellable> inactive, List<String> unknown) {
    public SellableSkus {
        sellable = Map.copyOf(sellable);
        inactive = Map.copyOf(inactive);
        unknown = List.copyOf(unknown);
    }

    public boolean allSellable() {
        return inactive.isEmpty() && unknown.isEmpty();
    }
}
