package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.ProductDetails;
import io.caravan.platform.catalog.domain.VariantDetails;
import java.util.List;

/** A product and its variants that passed {@link ProductValidation}. */
public record ValidProduct(ProductDetails product, List<VariantDetails> variants) {
    public ValidProduct {
        variants = List.copyOf(variants);
    }
}
