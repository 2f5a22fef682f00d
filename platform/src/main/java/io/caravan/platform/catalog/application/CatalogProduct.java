package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.Product;
import io.caravan.platform.catalog.domain.Variant;
import java.util.List;

/** A product with its variants in the merchant's order. */
public record CatalogProduct(Product product, List<Variant> variants) {
    public CatalogProduct {
        variants = List.copyOf(variants);
    }
}
