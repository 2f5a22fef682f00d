package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.RegimeFixtures.cart;
import static io.caravan.plugins.tax.RegimeFixtures.consignment;
import static io.caravan.plugins.tax.RegimeFixtures.line;
import static io.caravan.plugins.tax.RegimeFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class LowValueGstTest {

    private final TaxRegime australia =
            new LowValueGst(VatRates.BUNDLED, ImportRules.BUNDLED, "AU-LVIG", TaxSettings::auGst);
    private final TaxRegime newZealand =
            new LowValueGst(VatRates.BUNDLED, ImportRules.BUNDLED, "NZ-LVG", TaxSettings::nzGst);
    private final TaxRegime singapore =
            new LowValueGst(VatRates.BUNDLED, ImportRules.BUNDLED, "SG-LVG", TaxSettings::sgGst);

    @Test
    void a_registered_store_charges_gst_on_low_value_items_and_dearer_ones_pay_at_the_border() {
        TaxQuote q = australia.quote(consignment(
                "{\"registrations\": {\"auGst\": true}}",
                cart("AU", "2026-11-01", 2000, line("low", 10000, "AUD", "CN"), line("high", 150000, "AUD", "CN"))));
        assertThat(q.lineTaxes())
                .extracting(TaxLine::lineRef, TaxLine::ruleId, TaxLine::taxAmount, TaxLine::collectedAt)
                .containsExactly(
                        Tuple.tuple("low", "AU-LVIG/AU-STD", money(1000, "AUD"), CollectedAt.CHECKOUT),
                        Tuple.tuple("high", "AU-IMPORT-GST/AU-STD", money(15000, "AUD"), CollectedAt.DELIVERY));
        assertThat(q.shippingTaxes())
                .extracting(TaxLine::ruleId, TaxLine::taxAmount)
                .containsExactly(Tuple.tuple("AU-LVIG/AU-STD", money(200, "AUD")));
        assertThat(q.notices()).singleElement().asString().startsWith("[AU-DUTY-TARIFF]");
    }

    @Test
    void an_unregistered_store_collects_nothing_on_low_value_items_and_is_told_why() {
        TaxQuote q = newZealand.quote(consignment("{}", cart("NZ", "2026-11-01", 1000, line("a", 10000, "NZD", "CN"))));
        assertThat(q.lineTaxes()).isEmpty();
        assertThat(q.shippingTaxes()).isEmpty();
        assertThat(q.notices())
                .singleElement()
                .asString()
                .startsWith("[NZ-LVG] The store is not configured as GST-registered in NZ");
    }

    @Test
    void before_the_rule_starts_every_item_pays_gst_at_the_border_even_for_a_registered_store() {
        // SG-LVG applies from 2023-01-01
        TaxQuote q = singapore.quote(consignment(
                "{\"registrations\": {\"sgGst\": true}}", cart("SG", "2022-12-31", 0, line("a", 10000, "SGD", "CN"))));
        assertThat(q.lineTaxes()).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).startsWith("SG-IMPORT-GST/");
            assertThat(t.collectedAt()).isEqualTo(CollectedAt.DELIVERY);
        });
        assertThat(q.notices()).singleElement().asString().startsWith("[SG-DUTY-TARIFF]");
    }
}
