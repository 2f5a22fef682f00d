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

class SwissImportTest {

    private final TaxRegime regime = new SwissImport(VatRates.BUNDLED, ImportRules.BUNDLED);

    @Test
    void a_store_registered_under_the_mail_order_rule_charges_swiss_vat_at_checkout_however_small() {
        TaxQuote q = regime.quote(consignment(
                "{\"registrations\": {\"chVat\": true}}", cart("CH", "2026-11-01", 0, line("a", 5000, "CHF", "DE"))));
        assertThat(q.lineTaxes()).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("CH-MAIL-ORDER/CH-STD");
            assertThat(t.taxAmount()).isEqualTo(money(405, "CHF"));
            assertThat(t.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
        });
    }

    @Test
    void the_chf_5_small_consignment_amount_counts_the_vat_on_shipping_too() {
        // 50.00 × 8.1 % = 4.05 on the goods; shipping 10.00 adds 0.81 = 4.86, not levied
        TaxQuote small = regime.quote(consignment("{}", cart("CH", "2026-11-01", 1000, line("a", 5000, "CHF", "DE"))));
        assertThat(small.lineTaxes()).isEmpty();
        assertThat(small.shippingTaxes()).isEmpty();
        assertThat(small.notices())
                .first()
                .asString()
                .startsWith("[CH-SMALL-CONSIGNMENT] Import VAT of CHF 4.86 is ≤" + " CHF 5: not levied");

        // shipping 20.00 adds 1.62 = 5.67, levied at the border
        TaxQuote levied = regime.quote(consignment("{}", cart("CH", "2026-11-01", 2000, line("a", 5000, "CHF", "DE"))));
        assertThat(levied.lineTaxes()).extracting(TaxLine::taxAmount).containsExactly(money(405, "CHF"));
        assertThat(levied.shippingTaxes()).extracting(TaxLine::taxAmount).containsExactly(money(162, "CHF"));
        assertThat(levied.dueOnDelivery()).isEqualTo(money(567, "CHF"));
        assertThat(levied.notices()).singleElement().asString().startsWith("[CH-DUTY]");
    }
}
