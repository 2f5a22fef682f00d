package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.RegimeFixtures.cart;
import static io.caravan.plugins.tax.RegimeFixtures.consignment;
import static io.caravan.plugins.tax.RegimeFixtures.line;
import static io.caravan.plugins.tax.RegimeFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import org.junit.jupiter.api.Test;

class UkLowValueImportTest {

    private static final String UK_VAT = "{\"registrations\": {\"ukVat\": true}}";

    private final TaxRegime regime = new UkLowValueImport(VatRates.BUNDLED, ImportRules.BUNDLED);

    @Test
    void the_gbp_135_line_is_net_of_uk_vat_when_prices_include_it() {
        // GBP 162.00 incl. 20 % = 135.00 net: within; tax 162 × 0.2/1.2 = 27.00 inside the price
        TaxLine within = regime.quote(consignment(
                        UK_VAT,
                        cart(PriceDisplay.INCLUDING_TAX, "GB", null, "2026-11-01", 0, line("a", 16200, "GBP", "CN"))))
                .lineTaxes()
                .get(0);
        assertThat(within.ruleId()).isEqualTo("GB-LVG-135/GB-STD");
        assertThat(within.taxAmount()).isEqualTo(money(2700, "GBP"));
        assertThat(within.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);

        // GBP 162.01 = 135.008… net: above; import VAT on delivery, on top of the price charged
        TaxLine above = regime.quote(consignment(
                        UK_VAT,
                        cart(PriceDisplay.INCLUDING_TAX, "GB", null, "2026-11-01", 0, line("a", 16201, "GBP", "CN"))))
                .lineTaxes()
                .get(0);
        assertThat(above.ruleId()).isEqualTo("GB-IMPORT-VAT/GB-STD");
        assertThat(above.taxAmount()).isEqualTo(money(3240, "GBP"));
        assertThat(above.collectedAt()).isEqualTo(CollectedAt.DELIVERY);
        assertThat(above.explanation()).contains("not contained in the price");
    }

    @Test
    void shipping_does_not_count_towards_the_threshold_but_is_taxed_under_the_same_rule() {
        TaxQuote q = regime.quote(consignment(UK_VAT, cart("GB", "2026-11-01", 2000, line("a", 13000, "GBP", "CN"))));
        assertThat(q.lineTaxes()).extracting(TaxLine::ruleId).containsExactly("GB-LVG-135/GB-STD");
        assertThat(q.shippingTaxes()).singleElement().satisfies(s -> {
            assertThat(s.ruleId()).isEqualTo("GB-LVG-135/GB-STD");
            assertThat(s.taxAmount()).isEqualTo(money(400, "GBP"));
        });
    }
}
