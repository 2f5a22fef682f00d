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

class NorwayVoecTest {

    private static final String VOEC = "{\"registrations\": {\"voecNumber\": \"2024123\"}}";

    private final TaxRegime regime = new NorwayVoec(VatRates.BUNDLED, ImportRules.BUNDLED);

    @Test
    void without_a_voec_number_goods_and_shipping_pay_import_vat_at_the_border() {
        TaxQuote q = regime.quote(consignment("{}", cart("NO", "2026-11-01", 10000, line("a", 100000, "NOK", "CN"))));
        assertThat(q.lineTaxes())
                .extracting(TaxLine::ruleId, TaxLine::taxAmount, TaxLine::collectedAt)
                .containsExactly(Tuple.tuple("NO-IMPORT-VAT/NO-STD", money(25000, "NOK"), CollectedAt.DELIVERY));
        assertThat(q.shippingTaxes())
                .extracting(TaxLine::ruleId, TaxLine::taxAmount, TaxLine::collectedAt)
                .containsExactly(Tuple.tuple("NO-IMPORT-VAT/NO-STD", money(2500, "NOK"), CollectedAt.DELIVERY));
        assertThat(q.notices()).singleElement().asString().startsWith("[NO-DUTY-TARIFF]");
    }

    @Test
    void shipping_goes_with_the_voec_items_when_there_are_any() {
        TaxQuote mixed = regime.quote(consignment(
                VOEC,
                cart("NO", "2026-11-01", 10000, line("low", 100000, "NOK", "CN"), line("high", 400000, "NOK", "CN"))));
        assertThat(mixed.shippingTaxes())
                .extracting(TaxLine::ruleId, TaxLine::collectedAt)
                .containsExactly(Tuple.tuple("NO-VOEC/NO-STD", CollectedAt.CHECKOUT));

        TaxQuote allAbove =
                regime.quote(consignment(VOEC, cart("NO", "2026-11-01", 10000, line("high", 400000, "NOK", "CN"))));
        assertThat(allAbove.shippingTaxes())
                .extracting(TaxLine::ruleId, TaxLine::collectedAt)
                .containsExactly(Tuple.tuple("NO-IMPORT-VAT/NO-STD", CollectedAt.DELIVERY));
    }

    @Test
    void an_item_of_exactly_nok_3000_is_outside_voec() {
        TaxQuote q = regime.quote(consignment(
                VOEC, cart("NO", "2026-11-01", 0, line("a", 300000, "NOK", "CN"), line("b", 299999, "NOK", "CN"))));
        assertThat(q.lineTaxes())
                .extracting(TaxLine::lineRef, TaxLine::ruleId)
                .containsExactly(Tuple.tuple("b", "NO-VOEC/NO-STD"), Tuple.tuple("a", "NO-IMPORT-VAT/NO-STD"));
    }
}
