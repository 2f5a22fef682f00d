package io.caravan.platform.commerce.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.carriers.ConsignmentLine;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Dimensions;
import io.caravan.sdk.model.Goods;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.Parcel;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParcelPackerTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private static LineItem line(String id, long grams, Dimensions d) {
        return new LineItem(
                id,
                "p-" + id,
                "v-" + id,
                "SKU-" + id,
                "Item " + id,
                1,
                new Money(1800, EUR),
                Money.zero(EUR),
                new Goods(grams, d, null, CountryCode.of("PT")),
                CountryCode.of("NL"),
                TaxCategory.STANDARD,
                List.of(),
                Set.of());
    }

    private static ConsignmentLine shipped(LineItem l, int quantity) {
        return new ConsignmentLine(
                l.lineId(),
                l.sku(),
                quantity,
                l.goods().weightGrams() * quantity,
                l.unitPrice().times(quantity),
                Set.of());
    }

    @Test
    void units_stack_into_boxes_no_taller_than_the_limit() {
        LineItem mug = line("L1", 400, new Dimensions(100, 90, 120));
        List<Parcel> parcels = ParcelPacker.pack(List.of(shipped(mug, 11)), List.of(mug), EUR);
        // five mugs of 120 mm make 600 mm: 5 + 5 + 1
        assertThat(parcels).extracting(p -> p.dimensions().heightMm()).containsExactly(600, 600, 120);
        assertThat(parcels).extracting(Parcel::weightGrams).containsExactly(2000L, 2000L, 400L);
        assertThat(parcels.get(0).value()).isEqualTo(new Money(9000, EUR));
        assertThat(parcels.get(0).dimensions().lengthMm()).isEqualTo(100);
        assertThat(parcels.get(0).dimensions().widthMm()).isEqualTo(90);
        assertThat(parcels.stream().mapToLong(p -> p.value().minorUnits()).sum())
                .isEqualTo(11 * 1800);
    }

    @Test
    void a_box_is_closed_before_it_passes_thirty_kilograms_and_unknown_sizes_count_as_a_cube() {
        LineItem anvil = line("L1", 12_000, null);
        List<Parcel> parcels = ParcelPacker.pack(List.of(shipped(anvil, 3)), List.of(anvil), EUR);
        assertThat(parcels).extracting(Parcel::weightGrams).containsExactly(24_000L, 12_000L);
        assertThat(parcels.get(1).dimensions()).isEqualTo(new Dimensions(100, 100, 100));
    }

    @Test
    void weightless_goods_make_one_token_parcel() {
        LineItem ebook = line("L1", 0, null);
        List<Parcel> parcels = ParcelPacker.pack(List.of(shipped(ebook, 2)), List.of(ebook), EUR);
        assertThat(parcels)
                .singleElement()
                .satisfies(p -> assertThat(p.lineRefs()).isEmpty());
    }
}
