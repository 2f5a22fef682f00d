package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.RegimeFixtures.cart;
import static io.caravan.plugins.tax.RegimeFixtures.consignment;
import static io.caravan.plugins.tax.RegimeFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.tax.TaxQuote;
import org.junit.jupiter.api.Test;

class NoImportRuleTest {

    @Test
    void an_import_the_plugin_has_no_rule_for_is_said_not_computed() {
        TaxQuote q = new NoImportRule(VatRates.BUNDLED)
                .quote(consignment("{}", cart("CA", "2026-11-01", 1000, line("a", 10000, "CAD", "CN"))));
        assertThat(q.lineTaxes()).isEmpty();
        assertThat(q.shippingTaxes()).isEmpty();
        assertThat(q.duties()).isEmpty();
        assertThat(q.notices())
                .containsExactly("[CA-IMPORT-NOT-COMPUTED] Import taxes and duties for CA are not"
                        + " computed: the plugin has no low-value import rule for it.");
    }
}
