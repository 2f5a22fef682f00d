package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.ProductStatus;
import io.caravan.platform.catalog.domain.VariantFlag;
import io.caravan.sdk.model.TaxCategory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a SKU sells as, for the checkout: ids, the title the shopper sees (product title and the
 * option values), prices per currency in minor units, weight (g), dimensions (mm), customs data,
 * tax category, flags, categories and the product's status.
 */
public record Sellable(
        String sku,
        String productId,
        String variantId,
        String handle,
        String title,
        Map<String, String> options,
        Map<String, Long> prices,
        long weightGrams,
        long lengthMm,
        long widthMm,
        long heightMm,
        String hsCode,
        String originCountry,
        TaxCategory taxCategory,
        Set<VariantFlag> flags,
        List<String> categories,
        ProductStatus status) {}
