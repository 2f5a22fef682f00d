package io.caravan.platform.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.catalog.domain.FieldViolation;
import io.caravan.platform.catalog.domain.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogImportRowsTest {
    static CatalogImports.Header header(String... columns) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
            index.put(columns[i], i);
        }
        return new CatalogImports.Header(index, List.of("EUR", "JPY"), List.of("rotterdam"));
    }

    @Test
    void aRowBecomesAProductOfOneVariant() {
        var h = header(
                "handle",
                "title",
                "categories",
                "sku",
                "option1_name",
                "option1_value",
                "price_EUR",
                "price_JPY",
                "weight_g",
                "flags");
        Violations v = new Violations();
        ProductInput input = CatalogImports.input(
                List.of(
                        "mug",
                        " Mug ",
                        "mugs | kitchen",
                        "MUG-1",
                        "Colour",
                        "Blue",
                        "1800",
                        "2900",
                        "420",
                        "FRAGILE|PERISHABLE"),
                h,
                v);
        assertThat(v.isEmpty()).isTrue();
        ValidProduct valid = ProductValidation.validate(input, v);
        assertThat(valid.product().categories()).containsExactly("mugs", "kitchen");
        assertThat(valid.variants().get(0).prices()).containsEntry("EUR", 1800L).containsEntry("JPY", 2900L);
        assertThat(valid.variants().get(0).options()).containsEntry("Colour", "Blue");
        assertThat(valid.variants().get(0).flags()).hasSize(2);
    }

    @Test
    void violationsNameTheCsvColumn() {
        var h = header(
                "handle", "title", "sku", "price_EUR", "weight_g", "hs_code", "origin", "tax_category", "option1_name");
        Violations v = new Violations();
        ProductInput input = CatalogImports.input(
                List.of("Bad Handle", "Mug", "MUG-1", "12.50", "heavy", "69.12", "XX", "LUXURY", "Colour"), h, v);
        ProductValidation.validate(input, v);
        assertThat(v.list().stream().map(FieldViolation::field).map(CatalogImports::column))
                .containsExactlyInAnyOrder(
                        "price_EUR",
                        "weight_g",
                        "option1",
                        "handle",
                        "price_<currency>",
                        "hs_code",
                        "origin",
                        "tax_category");
    }
}
