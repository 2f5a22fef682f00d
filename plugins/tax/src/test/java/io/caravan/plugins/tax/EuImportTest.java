package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.RegimeFixtures.cart;
import static io.caravan.plugins.tax.RegimeFixtures.consignment;
import static io.caravan.plugins.tax.RegimeFixtures.line;
import static io.caravan.plugins.tax.RegimeFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.TaxQuote;
import org.junit.jupiter.api.Test;

class EuImportTest {

    private static final String IOSS = "{\"registrations\": {\"iossNumber\": \"IM2760000001\"}}";

    private final TaxRegime regime = new EuImport(VatRates.BUNDLED, ImportRules.BUNDLED);

    @Test
    void exactly_eur_150_is_still_within_ioss() {
        TaxQuote q = regime.quote(consignment(IOSS, cart("DE", "2026-03-01", 0, line("a", 15000, "EUR", "CN"))));
        assertThat(q.lineTaxes()).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("EU-IOSS/DE-STD");
            assertThat(t.taxAmount()).isEqualTo(money(2850, "EUR"));
        });
    }

    @Test
    void a_line_without_hs_code_gets_no_flat_duty_and_the_quote_says_so() {
        TaxQuote q = regime.quote(consignment(
                IOSS,
                cart(
                        "DE",
                        "2026-11-01",
                        0,
                        line("a", 2000, "EUR", "CN"),
                        line("b", 1, 1000, "EUR", "CN", "CN", null))));
        assertThat(q.duties()).singleElement().satisfies(d -> {
            assertThat(d.lineRef()).isEqualTo("a");
            assertThat(d.amount()).isEqualTo(money(300, "EUR"));
            assertThat(d.dutiableValue()).isEqualTo(money(2000, "EUR"));
        });
        assertThat(q.notices()).contains("[EU-DUTY-FLAT-3] Line b has no HS code: its customs duty is NOT computed.");
    }

    @Test
    void after_the_flat_duty_ends_on_2028_07_01_duty_is_not_computed() {
        TaxQuote last = regime.quote(consignment(IOSS, cart("DE", "2028-07-01", 0, line("a", 5000, "EUR", "CN"))));
        TaxQuote after = regime.quote(consignment(IOSS, cart("DE", "2028-07-02", 0, line("a", 5000, "EUR", "CN"))));
        assertThat(last.duties()).extracting(Duty::ruleId).containsExactly("EU-DUTY-FLAT-3");
        assertThat(after.duties()).isEmpty();
        assertThat(after.notices())
                .contains("[EU-DUTY-TARIFF] Customs duty on this consignment is NOT computed: no"
                        + " rule in the data for 2028-07-02.");
        // VAT under IOSS is unaffected
        assertThat(after.lineTaxes()).extracting(t -> t.ruleId()).containsExactly("EU-IOSS/DE-STD");
    }
}
