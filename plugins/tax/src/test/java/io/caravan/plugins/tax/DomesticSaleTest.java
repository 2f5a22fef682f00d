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

class DomesticSaleTest {

    private final TaxRegime regime = new DomesticSale(VatRates.BUNDLED);

    @Test
    void us_sales_tax_is_not_computed_and_nothing_is_taxed() {
        TaxQuote q = regime.quote(consignment("{}", cart("US", "2026-11-01", 500, line("a", 10000, "USD", "US"))));
        assertThat(q.lineTaxes()).isEmpty();
        assertThat(q.shippingTaxes()).isEmpty();
        assertThat(q.notices())
                .containsExactly(
                        "[US-SALES-TAX-NOT-COMPUTED] US state and local sales tax is not computed by this plugin.");
    }

    @Test
    void a_country_without_rate_data_gets_a_notice_not_a_zero_tax() {
        TaxQuote q = regime.quote(consignment("{}", cart("BR", "2026-11-01", 0, line("a", 10000, "BRL", "BR"))));
        assertThat(q.lineTaxes()).isEmpty();
        assertThat(q.notices()).containsExactly("[BR-NO-RATE-DATA] No VAT/GST rate data for BR; no tax computed.");
    }

    @Test
    void canada_without_a_province_is_federal_gst_on_goods_and_shipping() {
        TaxQuote q = regime.quote(consignment("{}", cart("CA", "2026-11-01", 1000, line("a", 10000, "CAD", "CA"))));
        TaxLine gst = q.lineTaxes().get(0);
        assertThat(gst.taxAmount()).isEqualTo(money(500, "CAD"));
        assertThat(gst.jurisdiction()).isEqualTo("CA");
        assertThat(gst.ruleId()).isEqualTo("CA-DOMESTIC/CA-STD");
        assertThat(gst.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
        assertThat(q.shippingTaxes())
                .singleElement()
                .extracting(TaxLine::taxAmount)
                .isEqualTo(money(50, "CAD"));
        assertThat(q.notices())
                .containsExactly("[CA-PST-NOT-COMPUTED] Provincial sales tax is not computed; federal GST only.");
    }

    @Test
    void nova_scotia_hst_is_14_from_2025_04_01_and_15_before() {
        TaxLine after = regime.quote(consignment(
                        "{}",
                        cart(PriceDisplay.EXCLUDING_TAX, "CA", "NS", "2025-04-01", 0, line("a", 10000, "CAD", "CA"))))
                .lineTaxes()
                .get(0);
        TaxLine before = regime.quote(consignment(
                        "{}",
                        cart(PriceDisplay.EXCLUDING_TAX, "CA", "NS", "2025-03-31", 0, line("a", 10000, "CAD", "CA"))))
                .lineTaxes()
                .get(0);
        assertThat(after.taxAmount()).isEqualTo(money(1400, "CAD"));
        assertThat(after.ruleId()).isEqualTo("CA-DOMESTIC/CA-NS-STD");
        assertThat(before.taxAmount()).isEqualTo(money(1500, "CAD"));
        assertThat(before.ruleId()).isEqualTo("CA-DOMESTIC/CA-NS-STD-PREV");
    }
}
