package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.RegimeFixtures.cart;
import static io.caravan.plugins.tax.RegimeFixtures.consignment;
import static io.caravan.plugins.tax.RegimeFixtures.line;
import static io.caravan.plugins.tax.RegimeFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import org.junit.jupiter.api.Test;

class IntraEuDistanceSaleTest {

    private final TaxRegime regime = new IntraEuDistanceSale(VatRates.BUNDLED, ImportRules.BUNDLED);

    @Test
    void without_oss_goods_shipped_from_another_state_than_the_stores_pay_destination_vat() {
        // established in FR, shipping from a DE warehouse to IT: the EUR 10,000 threshold does not apply
        TaxQuote q = regime.quote(
                consignment("{\"originCountry\": \"FR\"}", cart("IT", "2026-11-01", 0, line("a", 10000, "EUR", "DE"))));
        TaxLine vat = q.lineTaxes().get(0);
        assertThat(vat.taxAmount()).isEqualTo(money(2200, "EUR"));
        assertThat(vat.jurisdiction()).isEqualTo("IT");
        assertThat(vat.ruleId()).isEqualTo("EU-DISTANCE-DESTINATION/IT-STD");
        assertThat(vat.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
        assertThat(q.notices())
                .singleElement()
                .asString()
                .startsWith("[EU-DISTANCE-DESTINATION]")
                .contains("in IT");
    }

    @Test
    void within_one_member_state_it_is_a_domestic_sale_even_with_oss() {
        TaxQuote q = regime.quote(consignment(
                "{\"registrations\": {\"oss\": true}}", cart("FR", "2026-11-01", 0, line("a", 10000, "EUR", "FR"))));
        assertThat(q.lineTaxes()).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("FR-DOMESTIC/FR-STD");
            assertThat(t.taxAmount()).isEqualTo(money(2000, "EUR"));
        });
        assertThat(q.notices()).isEmpty();
    }

    @Test
    void before_the_union_oss_started_on_2021_07_01_an_oss_registration_does_not_apply() {
        TaxQuote q = regime.quote(consignment(
                "{\"originCountry\": \"FR\", \"registrations\": {\"oss\": true}}",
                cart("DE", "2021-06-30", 0, line("a", 10000, "EUR", "FR"))));
        assertThat(q.lineTaxes()).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("EU-DISTANCE-SELLER-STATE/FR-STD");
            assertThat(t.jurisdiction()).isEqualTo("FR");
        });
        assertThat(q.notices()).singleElement().asString().startsWith("[EU-OSS]");
    }
}
