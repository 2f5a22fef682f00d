package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.ProductStatus;

/**
 * Which products a list shows: {@code text} in the handle, title or a SKU (case-insensitive), a
 * status, a category (exact); null means any.
 */
public record ProductFilter(String text, ProductStatus status, String category) {
    public static final ProductFilter ALL = new ProductFilter(null, null, null);
}
