package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.RegimeFixtures.cart;
import static io.caravan.plugins.tax.RegimeFixtures.consignment;
import static io.caravan.plugins.tax.RegimeFixtures.line;
import static io.caravan.plugins.tax.RegimeFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxQuote;
import org.junit.jupiter.api.Test;

class JapanSmallValueTest {

    private final TaxRegime regime = new JapanSmallValue(VatRates.BUNDLED, ImportRules.BUNDLED);

    @Test
    void exactly_jpy_10000_is_exempt() {
        TaxQuote q = regime.quote(consignment("{}", cart("JP", "2026-11-01", 0, line("a", 10000, "JPY", "CN"))));
        assertThat(q.lineTaxes()).isEmpty();
        assertThat(q.notices())
                .containsExactly("[JP-SMALL-VALUE] Consignment JPY 10000.00 ≤ JPY 10000: customs duty"
                        + " and import consumption tax exempted.");
    }

    @Test
    void the_threshold_is_on_the_price_charged_even_when_it_includes_tax() {
        // JPY 10,500 incl. tax is 9,545 net, but Japan compares the price charged: above, taxed at the border
        TaxQuote q = regime.quote(consignment(
                "{}", cart(PriceDisplay.INCLUDING_TAX, "JP", null, "2026-11-01", 0, line("a", 10500, "JPY", "CN"))));
        assertThat(q.lineTaxes()).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("JP-IMPORT-CT/JP-STD");
            assertThat(t.taxAmount()).isEqualTo(money(1050, "JPY"));
            assertThat(t.collectedAt()).isEqualTo(CollectedAt.DELIVERY);
        });
    }

    @Test
    void shipping_is_not_taxed_at_the_border() {
        TaxQuote q = regime.quote(consignment("{}", cart("JP", "2026-11-01", 1500, line("a", 20000, "JPY", "CN"))));
        assertThat(q.lineTaxes()).singleElement().extracting(t -> t.taxAmount()).isEqualTo(money(2000, "JPY"));
        assertThat(q.shippingTaxes()).isEmpty();
    }
}
