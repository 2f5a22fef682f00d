package io.caravan.platform.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.catalog.domain.FieldViolation;
import io.caravan.platform.catalog.domain.VariantFlag;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.sdk.model.TaxCategory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductValidationTest {
    static ProductInput.VariantInput variant(String sku, Map<String, Long> prices) {
        return new ProductInput.VariantInput(
                sku,
                Map.of("Size", "M"),
                prices,
                350L,
                new ProductInput.DimensionsInput(120L, 90L, 100L),
                "691200",
                "PT",
                List.of("FRAGILE"));
    }

    @Test
    void aValidProductKeepsWhatWasSent() {
        ValidProduct valid = ProductValidation.validate(
                new ProductInput(
                        "azulejo-mug",
                        " Azulejo mug ",
                        "Hand-painted",
                        List.of("mugs", "mugs", "kitchen"),
                        "active",
                        "REDUCED",
                        List.of(variant("MUG-M", Map.of("EUR", 1800L, "JPY", 2900L)))),
                new Violations());
        assertThat(valid).isNotNull();
        assertThat(valid.product().title()).isEqualTo("Azulejo mug");
        assertThat(valid.product().categories()).containsExactly("mugs", "kitchen");
        assertThat(valid.product().taxCategory()).isEqualTo(TaxCategory.REDUCED);
        assertThat(valid.variants().get(0).prices()).containsEntry("JPY", 2900L);
        assertThat(valid.variants().get(0).flags()).containsExactly(VariantFlag.FRAGILE);
    }

    @Test
    void everyBadFieldIsNamedAsTheClientSentIt() {
        Map<String, Long> prices = new LinkedHashMap<>();
        prices.put("EUR", -1L);
        prices.put("XAU", 100L);
        prices.put("EURO", 100L);
        Violations violations = new Violations();
        ValidProduct valid = ProductValidation.validate(
                new ProductInput(
                        "Bad Handle",
                        "",
                        null,
                        List.of(),
                        "SOLD",
                        "LUXURY",
                        List.of(
                                new ProductInput.VariantInput(
                                        "MUG 1",
                                        Map.of(),
                                        prices,
                                        -5L,
                                        new ProductInput.DimensionsInput(10L, 20_000L, 10L),
                                        "69.12",
                                        "XX",
                                        List.of("SHINY")),
                                variant("OK-1", Map.of()))),
                violations);
        assertThat(valid).isNull();
        assertThat(violations.list().stream().map(FieldViolation::field))
                .containsExactlyInAnyOrder(
                        "handle",
                        "title",
                        "status",
                        "taxCategory",
                        "variants[0].sku",
                        "variants[0].prices.EUR",
                        "variants[0].prices.XAU",
                        "variants[0].prices.EURO",
                        "variants[0].weightGrams",
                        "variants[0].dimensions.widthMm",
                        "variants[0].hsCode",
                        "variants[0].originCountry",
                        "variants[0].flags[0]",
                        "variants[1].prices");
    }

    @Test
    void skusAndOptionSetsAreUniqueWithinAProduct() {
        Violations violations = new Violations();
        ProductValidation.validate(
                new ProductInput(
                        "mug",
                        "Mug",
                        null,
                        null,
                        null,
                        null,
                        List.of(
                                variant("MUG-1", Map.of("EUR", 1L)),
                                variant("mug-1", Map.of("EUR", 1L)),
                                variant("MUG-2", Map.of("EUR", 1L)))),
                violations);
        assertThat(violations.list().stream().map(FieldViolation::field))
                .containsExactly("variants[1].sku", "variants[2].options");
    }

    @Test
    void aProductNeedsAVariant() {
        Violations violations = new Violations();
        ProductValidation.validate(new ProductInput("mug", "Mug", null, null, null, null, null), violations);
        assertThat(violations.list()).extracting(FieldViolation::field).containsExactly("variants");
    }
}
