package io.caravan.platform.catalog.domain;

import io.caravan.sdk.model.TaxCategory;
import java.util.List;

/** What the merchant says about a product, already validated. */
public record ProductDetails(
        String handle,
        String title,
        String description,
        List<String> categories,
        ProductStatus status,
        TaxCategory taxCategory) {
    public ProductDetails {
        categories = List.copyOf(categories);
    }
}
