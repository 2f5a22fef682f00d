package io.caravan.platform.catalog.application;

import java.util.List;
import java.util.Map;

/**
 * A product as the merchant sends it (API body, or the rows of one handle in a CSV import); every
 * field is checked by {@link ProductValidation} and each bad one named. Absent lists are empty.
 */
public record ProductInput(
        String handle,
        String title,
        String description,
        List<String> categories,
        String status,
        String taxCategory,
        List<VariantInput> variants) {

    /** A variant as sent: prices per ISO 4217 currency in minor units, grams, millimetres. */
    public record VariantInput(
            String sku,
            Map<String, String> options,
            Map<String, Long> prices,
            Long weightGrams,
            DimensionsInput dimensions,
            String hsCode,
            String originCountry,
            List<String> flags) {}

    /** Outer dimensions of the packed unit in millimetres. */
    public record DimensionsInput(Long lengthMm, Long widthMm, Long heightMm) {}
}
