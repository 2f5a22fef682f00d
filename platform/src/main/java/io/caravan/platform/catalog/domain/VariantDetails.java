package io.caravan.platform.catalog.domain;

import java.util.Map;
import java.util.Set;

/**
 * What the merchant says about a variant, already validated. Prices per ISO 4217 currency in
 * minor units; measures in grams and millimetres; {@code hsCode} and {@code originCountry} may be
 * null (a store that does not ship across borders needs neither).
 */
public record VariantDetails(
        String sku,
        Map<String, String> options,
        Map<String, Long> prices,
        long weightGrams,
        long lengthMm,
        long widthMm,
        long heightMm,
        String hsCode,
        String originCountry,
        Set<VariantFlag> flags) {
    public VariantDetails {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        prices = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(prices));
        flags = flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(flags));
    }
}
