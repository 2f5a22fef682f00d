package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.RegimeFixtures.cart;
import static io.caravan.plugins.tax.RegimeFixtures.consignment;
import static io.caravan.plugins.tax.RegimeFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.tax.TaxQuote;
import org.junit.jupiter.api.Test;

class UsDeMinimisTest {

    private final TaxRegime regime = new UsDeMinimis(VatRates.BUNDLED, ImportRules.BUNDLED);

    @Test
    void above_usd_800_before_the_suspension_duties_apply_and_are_not_computed() {
        TaxQuote q = regime.quote(consignment("{}", cart("US", "2025-03-01", 0, line("a", 90000, "USD", "VN"))));
        assertThat(q.lineTaxes()).isEmpty();
        assertThat(q.duties()).isEmpty();
        assertThat(q.notices())
                .containsExactly(
                        "[US-DUTY-TARIFF] Shipment above USD 800: duties apply and are NOT computed.",
                        "[US-SALES-TAX-NOT-COMPUTED] US state and local sales tax is not computed by this plugin.");
    }

    @Test
    void one_china_or_hong_kong_line_loses_the_de_minimis_for_the_whole_shipment_from_2025_05_02() {
        for (String origin : new String[] {"CN", "HK"}) {
            TaxQuote q = regime.quote(consignment(
                    "{}",
                    cart(
                            "US",
                            "2025-06-01",
                            0,
                            line("vn", 5000, "USD", "VN"),
                            line("x", 1, 500, "USD", "VN", origin, "610910"))));
            assertThat(q.notices())
                    .as(origin)
                    .first()
                    .asString()
                    .startsWith("[US-DE-MINIMIS-SUSPENDED-CN-HK]")
                    .contains("from 2025-05-02 to China/Hong Kong goods");
        }
        TaxQuote dayBefore = regime.quote(
                consignment("{}", cart("US", "2025-05-01", 0, line("x", 1, 500, "USD", "VN", "CN", "610910"))));
        assertThat(dayBefore.notices()).first().asString().startsWith("[US-DE-MINIMIS-800]");
    }
}
