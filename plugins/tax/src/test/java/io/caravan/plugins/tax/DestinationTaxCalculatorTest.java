package io.caravan.plugins.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import io.caravan.testkit.TestPluginContext;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DestinationTaxCalculatorTest {

    private final DestinationTaxCalculator calc = new DestinationTaxCalculator();

    // ---- fixtures -------------------------------------------------------------------------

    static LineItem line(
            String id,
            int qty,
            long unitMinor,
            String ccy,
            String shipFrom,
            String origin,
            TaxCategory cat,
            String hs) {
        return LineItem.builder()
                .lineId(id)
                .sku("sku-" + id)
                .title("Item " + id)
                .quantity(qty)
                .unitPrice(Money.ofMinor(unitMinor, ccy))
                .weightGrams(100)
                .hsCode(hs == null ? null : HsCode.of(hs))
                .origin(CountryCode.of(origin))
                .shipFrom(CountryCode.of(shipFrom))
                .taxCategory(cat)
                .build();
    }

    static LineItem line(String id, long unitMinor, String ccy, String shipFrom) {
        return line(id, 1, unitMinor, ccy, shipFrom, shipFrom, TaxCategory.STANDARD, "610910");
    }

    static Cart cart(String ccy, PriceDisplay prices, String dest, String date, long shippingMinor, LineItem... lines) {
        return cart(ccy, prices, dest, null, date, shippingMinor, lines);
    }

    static Cart cart(
            String ccy,
            PriceDisplay prices,
            String dest,
            String region,
            String date,
            long shippingMinor,
            LineItem... lines) {
        return new Cart(
                Currency.getInstance(ccy),
                prices,
                List.of(lines),
                Money.ofMinor(shippingMinor, ccy),
                Money.zero(Currency.getInstance(ccy)),
                List.of(),
                List.of(),
                new Address(CountryCode.of(dest), region, null, "City", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse(date));
    }

    static Cart excl(String ccy, String dest, String date, LineItem... lines) {
        return cart(ccy, PriceDisplay.EXCLUDING_TAX, dest, date, 0, lines);
    }

    static Money eur(long minor) {
        return Money.ofMinor(minor, "EUR");
    }

    static TaxLine only(TaxQuote q) {
        assertThat(q.lineTaxes()).hasSize(1);
        return q.lineTaxes().get(0);
    }

    private TaxQuote quote(PluginContext ctx, Cart cart) {
        return calc.quote(ctx, cart);
    }

    private static final PluginContext NONE = TestPluginContext.withConfiguration("{}");

    private static PluginContext config(String json) {
        return TestPluginContext.withConfiguration(json);
    }

    // ---- dated rates ------------------------------------------------------------------------

    @Nested
    class DatedRates {

        @Test
        void finland_25_5_from_2024_09_01_and_24_the_day_before() {
            TaxLine after = only(quote(NONE, excl("EUR", "FI", "2024-09-01", line("a", 10000, "EUR", "FI"))));
            TaxLine before = only(quote(NONE, excl("EUR", "FI", "2024-08-31", line("a", 10000, "EUR", "FI"))));

            assertThat(after.taxAmount()).isEqualTo(eur(2550));
            assertThat(after.rate()).isEqualByComparingTo("0.255");
            assertThat(after.ruleId()).isEqualTo("FI-DOMESTIC/FI-STD");
            assertThat(after.explanation()).contains("25.5 %", "in force since 2024-09-01", "Finland");

            assertThat(before.taxAmount()).isEqualTo(eur(2400));
            assertThat(before.rate()).isEqualByComparingTo("0.24");
            assertThat(before.ruleId()).isEqualTo("FI-DOMESTIC/FI-STD-PREV");
            assertThat(before.explanation()).contains("24 %", "until 2024-08-31");
        }

        @Test
        void estonia_24_from_2025_07_01_and_22_before() {
            assertThat(only(quote(NONE, excl("EUR", "EE", "2025-07-01", line("a", 10000, "EUR", "EE"))))
                            .taxAmount())
                    .isEqualTo(eur(2400));
            assertThat(only(quote(NONE, excl("EUR", "EE", "2025-06-30", line("a", 10000, "EUR", "EE"))))
                            .taxAmount())
                    .isEqualTo(eur(2200));
        }

        @Test
        void reduced_zero_and_exempt_categories() {
            Cart de = excl(
                    "EUR",
                    "DE",
                    "2026-11-01",
                    line("red", 1, 10000, "EUR", "DE", "DE", TaxCategory.REDUCED, null),
                    line("zero", 1, 10000, "EUR", "DE", "DE", TaxCategory.ZERO, null),
                    line("ex", 1, 10000, "EUR", "DE", "DE", TaxCategory.EXEMPT, null),
                    line("park", 1, 10000, "EUR", "DE", "DE", TaxCategory.PARKING, null));
            TaxQuote q = quote(NONE, de);
            assertThat(q.lineTaxes())
                    .extracting(TaxLine::lineRef, TaxLine::taxAmount, TaxLine::ruleId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("red", eur(700), "DE-DOMESTIC/DE-RED"),
                            org.assertj.core.groups.Tuple.tuple("zero", eur(0), "DE-DOMESTIC/DE-ZERO"),
                            org.assertj.core.groups.Tuple.tuple("ex", eur(0), "DE-DOMESTIC/DE-EXEMPT"),
                            org.assertj.core.groups.Tuple.tuple("park", eur(1900), "DE-DOMESTIC/DE-STD-FALLBACK"));
            assertThat(q.lineTaxes().get(3).explanation()).contains("no PARKING rate", "standard rate applied");
            assertThat(q.totalTax()).isEqualTo(eur(2600));

            // Finland lists 13.5;10: REDUCED is the highest; France lists 10;5.5;2.1: SUPER_REDUCED is 2.1
            assertThat(only(quote(
                                    NONE,
                                    excl(
                                            "EUR",
                                            "FI",
                                            "2026-11-01",
                                            line("r", 1, 10000, "EUR", "FI", "FI", TaxCategory.REDUCED, null))))
                            .taxAmount())
                    .isEqualTo(eur(1350));
            assertThat(only(quote(
                                    NONE,
                                    excl(
                                            "EUR",
                                            "FR",
                                            "2026-11-01",
                                            line("s", 1, 10000, "EUR", "FR", "FR", TaxCategory.SUPER_REDUCED, null))))
                            .taxAmount())
                    .isEqualTo(eur(210));
        }
    }

    // ---- prices incl./excl. tax and rounding ----------------------------------------------------

    @Nested
    class Rounding {

        @Test
        void including_tax_extracts_price_times_rate_over_one_plus_rate() {
            // 10.00 × 0.19 / 1.19 = 1.5966… → 1.60; net 8.40
            TaxQuote q = quote(
                    NONE, cart("EUR", PriceDisplay.INCLUDING_TAX, "DE", "2026-11-01", 0, line("a", 1000, "EUR", "DE")));
            TaxLine t = only(q);
            assertThat(t.taxAmount()).isEqualTo(eur(160));
            assertThat(t.taxableAmount()).isEqualTo(eur(840));
            assertThat(t.explanation()).contains("price incl. tax × 19 %/(100 % + 19 %)", "HALF_UP");
            assertThat(q.addedAtCheckout()).isEqualTo(eur(0));
        }

        @Test
        void including_tax_on_100_eur_in_finland() {
            // 100.00 × 0.255 / 1.255 = 20.3187… → 20.32
            TaxLine t = only(quote(
                    NONE,
                    cart("EUR", PriceDisplay.INCLUDING_TAX, "FI", "2025-01-01", 0, line("a", 10000, "EUR", "FI"))));
            assertThat(t.taxAmount()).isEqualTo(eur(2032));
            assertThat(t.taxableAmount()).isEqualTo(eur(7968));
        }

        @Test
        void excluding_tax_rounds_half_up_not_half_even() {
            // NL 21 % of 0.50 = 0.105 → 0.11 (HALF_EVEN would give 0.10)
            TaxQuote q = quote(NONE, excl("EUR", "NL", "2026-11-01", line("a", 50, "EUR", "NL")));
            assertThat(only(q).taxAmount()).isEqualTo(eur(11));
            assertThat(q.addedAtCheckout()).isEqualTo(eur(11));
        }

        @Test
        void one_cent_lines_round_per_line() {
            // 0.01 × 19 % = 0.0019 → 0.00; 0.03 × 19 % = 0.0057 → 0.01 per line, two lines 0.02
            // (rounding the 0.06 total would give 0.01)
            assertThat(only(quote(NONE, excl("EUR", "DE", "2026-11-01", line("a", 1, "EUR", "DE"))))
                            .taxAmount())
                    .isEqualTo(eur(0));
            TaxQuote q =
                    quote(NONE, excl("EUR", "DE", "2026-11-01", line("a", 3, "EUR", "DE"), line("b", 3, "EUR", "DE")));
            assertThat(q.lineTaxes()).extracting(TaxLine::taxAmount).containsExactly(eur(1), eur(1));
            assertThat(q.totalTax()).isEqualTo(eur(2));
        }

        @Test
        void shipping_is_taxed_at_the_standard_rate_under_the_same_rule() {
            TaxQuote q = quote(
                    NONE,
                    cart("EUR", PriceDisplay.EXCLUDING_TAX, "DE", "2026-11-01", 495, line("a", 1000, "EUR", "DE")));
            assertThat(q.shippingTaxes()).singleElement().satisfies(s -> {
                assertThat(s.taxAmount()).isEqualTo(eur(94)); // 4.95 × 0.19 = 0.9405
                assertThat(s.ruleId()).isEqualTo("DE-DOMESTIC/DE-STD");
            });
        }
    }

    // ---- EU imports: IOSS, border, duties ------------------------------------------------------

    @Nested
    class EuImports {

        private final PluginContext ioss = config("""
                {"registrations": {"iossNumber": "IM2760000001"}}""");

        @Test
        void consignment_of_100_eur_from_china_with_ioss_pays_german_vat_at_checkout() {
            TaxQuote q = quote(
                    ioss,
                    cart("EUR", PriceDisplay.EXCLUDING_TAX, "DE", "2026-03-01", 500, line("a", 10000, "EUR", "CN")));
            TaxLine t = only(q);
            assertThat(t.taxAmount()).isEqualTo(eur(1900));
            assertThat(t.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
            assertThat(t.ruleId()).isEqualTo("EU-IOSS/DE-STD");
            assertThat(t.explanation()).contains("Germany 19 %", "IOSS", "EUR 100.00", "≤ EUR 150");
            assertThat(q.shippingTaxes())
                    .singleElement()
                    .extracting(TaxLine::taxAmount)
                    .isEqualTo(eur(95));
            assertThat(q.taxAtCheckout()).isEqualTo(eur(1995));
            assertThat(q.dueOnDelivery()).isEqualTo(eur(0));
            // before 2026-07-01: duty relief, no duty
            assertThat(q.duties()).isEmpty();
            assertThat(q.notices()).anyMatch(n -> n.startsWith("[EU-DUTY-RELIEF-150]"));
        }

        @Test
        void consignment_of_200_eur_is_import_vat_at_the_border_under_dap() {
            TaxQuote q = quote(ioss, excl("EUR", "DE", "2026-03-01", line("a", 20000, "EUR", "CN")));
            TaxLine t = only(q);
            assertThat(t.collectedAt()).isEqualTo(CollectedAt.DELIVERY);
            assertThat(t.taxAmount()).isEqualTo(eur(3800));
            assertThat(t.ruleId()).isEqualTo("EU-IMPORT-VAT/DE-STD");
            assertThat(q.dutyTreatment()).isEqualTo(DutyTreatment.DAP);
            assertThat(q.taxAtCheckout()).isEqualTo(eur(0));
            assertThat(q.addedAtCheckout()).isEqualTo(eur(0));
            assertThat(q.dueOnDelivery()).isEqualTo(eur(3800));
            assertThat(q.duties()).isEmpty();
            assertThat(q.notices()).anyMatch(n -> n.startsWith("[EU-DUTY-TARIFF]") && n.contains("NOT computed"));
        }

        @Test
        void consignment_of_200_eur_under_ddp_is_charged_at_checkout() {
            PluginContext ddp = config("""
                    {"registrations": {"iossNumber": "IM2760000001"}, "dutyTreatment": "DDP"}""");
            TaxQuote q = quote(ddp, excl("EUR", "DE", "2026-03-01", line("a", 20000, "EUR", "CN")));
            assertThat(only(q).collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
            assertThat(q.taxAtCheckout()).isEqualTo(eur(3800));
            assertThat(q.dueOnDelivery()).isEqualTo(eur(0));
        }

        @Test
        void without_ioss_a_low_value_consignment_pays_import_vat_at_the_border() {
            TaxQuote q = quote(NONE, excl("EUR", "DE", "2026-03-01", line("a", 10000, "EUR", "CN")));
            assertThat(only(q).collectedAt()).isEqualTo(CollectedAt.DELIVERY);
            assertThat(only(q).explanation()).contains("no IOSS number");
        }

        @Test
        void threshold_is_the_intrinsic_value_net_of_vat_when_prices_include_it() {
            // EUR 170.00 incl. 19 % = 142.86 net ≤ 150 → IOSS; tax 170 × 0.19/1.19 = 27.14
            TaxQuote q = quote(
                    ioss,
                    cart("EUR", PriceDisplay.INCLUDING_TAX, "DE", "2026-03-01", 0, line("a", 17000, "EUR", "CN")));
            assertThat(only(q).ruleId()).isEqualTo("EU-IOSS/DE-STD");
            assertThat(only(q).taxAmount()).isEqualTo(eur(2714));
        }

        @Test
        void from_2026_07_01_a_flat_3_eur_duty_per_distinct_tariff_subheading() {
            Cart c = excl(
                    "EUR",
                    "DE",
                    "2026-07-01",
                    line("t1", 2, 1500, "EUR", "CN", "CN", TaxCategory.STANDARD, "6109100010"),
                    line("t2", 1, 1500, "EUR", "CN", "CN", TaxCategory.STANDARD, "610910"),
                    line("w", 1, 4000, "EUR", "CN", "CN", TaxCategory.STANDARD, "910211"));
            TaxQuote q = quote(ioss, c);
            assertThat(q.duties()).hasSize(2);
            assertThat(q.duties())
                    .extracting(Duty::lineRef, Duty::amount, Duty::dutiableValue)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("t1", eur(300), eur(4500)),
                            org.assertj.core.groups.Tuple.tuple("w", eur(300), eur(4000)));
            assertThat(q.duties()).allSatisfy(d -> {
                assertThat(d.ruleId()).isEqualTo("EU-DUTY-FLAT-3");
                assertThat(d.collectedAt()).isEqualTo(CollectedAt.DELIVERY);
                assertThat(d.explanation()).contains("EUR 3 per distinct tariff subheading", "from 2026-07-01");
            });
            assertThat(q.totalDuties()).isEqualTo(eur(600));
            // VAT still at checkout under IOSS
            assertThat(q.taxAtCheckout()).isEqualTo(eur(1615)); // 30×.19=5.70, 15×.19=2.85, 40×.19=7.60
            // the day before: relief, no duty
            Cart before = excl("EUR", "DE", "2026-06-30", c.lines().toArray(LineItem[]::new));
            assertThat(quote(ioss, before).duties()).isEmpty();
        }

        @Test
        void flat_duty_under_ddp_is_added_at_checkout() {
            PluginContext ddp = config("""
                    {"registrations": {"iossNumber": "IM2760000001"}, "dutyTreatment": "DDP"}""");
            TaxQuote q = quote(ddp, excl("EUR", "FR", "2026-11-01", line("a", 5000, "EUR", "CN")));
            assertThat(q.dutiesAtCheckout()).isEqualTo(eur(300));
            assertThat(q.addedAtCheckout()).isEqualTo(eur(300 + 1000));
        }

        @Test
        void missing_fx_rate_is_refused_and_a_configured_one_is_used() {
            Cart usd150 = excl("USD", "DE", "2026-03-01", line("a", 15000, "USD", "CN"));
            assertThatThrownBy(() -> quote(ioss, usd150))
                    .isInstanceOf(PluginRejectedException.class)
                    .satisfies(e ->
                            assertThat(((PluginRejectedException) e).code()).isEqualTo("fx_rate_missing"));

            PluginContext fx = config("""
                    {"registrations": {"iossNumber": "IM2760000001"}, "fxRates": {"EUR_USD": 1.25}}""");
            // USD 150 = EUR 120 → IOSS; USD 200 = EUR 160 → border
            assertThat(only(quote(fx, usd150)).ruleId()).isEqualTo("EU-IOSS/DE-STD");
            assertThat(only(quote(fx, usd150)).taxAmount()).isEqualTo(Money.ofMinor(2850, "USD"));
            assertThat(only(quote(fx, excl("USD", "DE", "2026-03-01", line("a", 20000, "USD", "CN"))))
                            .ruleId())
                    .isEqualTo("EU-IMPORT-VAT/DE-STD");
        }

        @Test
        void flat_duty_is_converted_with_the_configured_rate() {
            PluginContext fx = config("""
                    {"registrations": {"iossNumber": "IM2760000001"}, "fxRates": {"USD_EUR": 0.8}}""");
            TaxQuote q = quote(fx, excl("USD", "DE", "2026-11-01", line("a", 5000, "USD", "CN")));
            // EUR 3 / 0.8 = USD 3.75
            assertThat(q.duties()).singleElement().extracting(Duty::amount).isEqualTo(Money.ofMinor(375, "USD"));
        }
    }

    // ---- intra-EU ---------------------------------------------------------------------------

    @Nested
    class IntraEu {

        @Test
        void oss_registration_means_destination_vat() {
            TaxLine t = only(quote(
                    config("{\"registrations\": {\"oss\": true}, \"originCountry\": \"FR\"}"),
                    excl("EUR", "DE", "2026-11-01", line("a", 10000, "EUR", "FR"))));
            assertThat(t.taxAmount()).isEqualTo(eur(1900));
            assertThat(t.jurisdiction()).isEqualTo("DE");
            assertThat(t.ruleId()).isEqualTo("EU-OSS/DE-STD");
        }

        @Test
        void without_oss_a_seller_below_the_threshold_charges_its_own_member_state_vat() {
            TaxQuote q = quote(
                    config("{\"originCountry\": \"FR\"}"),
                    excl("EUR", "DE", "2026-11-01", line("a", 10000, "EUR", "FR")));
            assertThat(only(q).taxAmount()).isEqualTo(eur(2000));
            assertThat(only(q).jurisdiction()).isEqualTo("FR");
            assertThat(q.notices()).anyMatch(n -> n.contains("EUR 10000"));
        }
    }

    // ---- UK, Norway, Switzerland, AU ---------------------------------------------------------

    @Nested
    class OtherRegimes {

        private final PluginContext uk = config("{\"registrations\": {\"ukVat\": true}}");

        static Money gbp(long minor) {
            return Money.ofMinor(minor, "GBP");
        }

        @Test
        void uk_100_gbp_is_vat_at_the_point_of_sale() {
            TaxLine t = only(quote(uk, excl("GBP", "GB", "2026-11-01", line("a", 10000, "GBP", "CN"))));
            assertThat(t.taxAmount()).isEqualTo(gbp(2000));
            assertThat(t.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
            assertThat(t.ruleId()).isEqualTo("GB-LVG-135/GB-STD");
            assertThat(t.explanation()).contains("20 %", "GBP 135", "point of sale");
        }

        @Test
        void uk_200_gbp_is_import_vat_at_the_border() {
            TaxQuote q = quote(uk, excl("GBP", "GB", "2026-11-01", line("a", 20000, "GBP", "CN")));
            assertThat(only(q).collectedAt()).isEqualTo(CollectedAt.DELIVERY);
            assertThat(only(q).ruleId()).isEqualTo("GB-IMPORT-VAT/GB-STD");
            assertThat(q.dueOnDelivery()).isEqualTo(gbp(4000));
        }

        @Test
        void uk_low_value_without_uk_vat_registration_is_refused() {
            assertThatThrownBy(() -> quote(NONE, excl("GBP", "GB", "2026-11-01", line("a", 10000, "GBP", "CN"))))
                    .isInstanceOf(PluginRejectedException.class)
                    .hasMessageContaining("ukVat");
        }

        @Test
        void norway_voec_per_item_below_nok_3000() {
            PluginContext voec = config("{\"registrations\": {\"voecNumber\": \"2024123\"}}");
            TaxQuote q = quote(
                    voec,
                    excl(
                            "NOK",
                            "NO",
                            "2026-11-01",
                            line("low", 100000, "NOK", "CN"),
                            line("high", 400000, "NOK", "CN")));
            assertThat(q.lineTaxes())
                    .extracting(TaxLine::lineRef, TaxLine::taxAmount, TaxLine::collectedAt)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "low", Money.ofMinor(25000, "NOK"), CollectedAt.CHECKOUT),
                            org.assertj.core.groups.Tuple.tuple(
                                    "high", Money.ofMinor(100000, "NOK"), CollectedAt.DELIVERY));
            assertThat(q.lineTaxes().get(0).ruleId()).isEqualTo("NO-VOEC/NO-STD");
        }

        @Test
        void switzerland_small_consignment_import_vat_up_to_chf_5_is_not_levied() {
            // CHF 50 × 8.1 % = 4.05 ≤ 5 → nothing; CHF 100 → 8.10 at the border
            TaxQuote small = quote(NONE, excl("CHF", "CH", "2026-11-01", line("a", 5000, "CHF", "DE")));
            assertThat(small.lineTaxes()).isEmpty();
            assertThat(small.notices()).anyMatch(n -> n.startsWith("[CH-SMALL-CONSIGNMENT]") && n.contains("CHF 4.05"));
            TaxQuote big = quote(NONE, excl("CHF", "CH", "2026-11-01", line("a", 10000, "CHF", "DE")));
            assertThat(only(big).taxAmount()).isEqualTo(Money.ofMinor(810, "CHF"));
            assertThat(only(big).collectedAt()).isEqualTo(CollectedAt.DELIVERY);
        }

        @Test
        void australia_registered_seller_charges_gst_on_low_value_items() {
            TaxLine t = only(quote(
                    config("{\"registrations\": {\"auGst\": true}}"),
                    excl("AUD", "AU", "2026-11-01", line("a", 10000, "AUD", "CN"))));
            assertThat(t.taxAmount()).isEqualTo(Money.ofMinor(1000, "AUD"));
            assertThat(t.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
            assertThat(t.ruleId()).isEqualTo("AU-LVIG/AU-STD");
        }

        @Test
        void singapore_9_percent_from_2024_and_8_before() {
            PluginContext sg = config("{\"registrations\": {\"sgGst\": true}}");
            assertThat(only(quote(sg, excl("SGD", "SG", "2024-01-01", line("a", 10000, "SGD", "CN"))))
                            .taxAmount())
                    .isEqualTo(Money.ofMinor(900, "SGD"));
            assertThat(only(quote(sg, excl("SGD", "SG", "2023-12-31", line("a", 10000, "SGD", "CN"))))
                            .taxAmount())
                    .isEqualTo(Money.ofMinor(800, "SGD"));
        }
    }

    @Nested
    class MoreRegimes {

        @Test
        void canada_ontario_hst_by_region_and_federal_gst_otherwise() {
            TaxLine on = only(quote(
                    NONE,
                    cart(
                            "CAD",
                            PriceDisplay.EXCLUDING_TAX,
                            "CA",
                            "ON",
                            "2026-11-01",
                            0,
                            line("a", 10000, "CAD", "CA"))));
            assertThat(on.taxAmount()).isEqualTo(Money.ofMinor(1300, "CAD"));
            assertThat(on.jurisdiction()).isEqualTo("CA-ON");
            TaxQuote qc = quote(
                    NONE,
                    cart(
                            "CAD",
                            PriceDisplay.EXCLUDING_TAX,
                            "CA",
                            "QC",
                            "2026-11-01",
                            0,
                            line("a", 10000, "CAD", "CA")));
            assertThat(only(qc).taxAmount()).isEqualTo(Money.ofMinor(500, "CAD"));
            assertThat(qc.notices()).anyMatch(n -> n.startsWith("[CA-PST-NOT-COMPUTED]"));
        }

        @Test
        void japan_small_value_consignment_is_exempt_and_above_it_pays_at_the_border() {
            TaxQuote small = quote(NONE, excl("JPY", "JP", "2026-11-01", line("a", 9000, "JPY", "CN")));
            assertThat(small.lineTaxes()).isEmpty();
            assertThat(small.notices()).anyMatch(n -> n.startsWith("[JP-SMALL-VALUE]"));
            TaxQuote big = quote(NONE, excl("JPY", "JP", "2026-11-01", line("a", 20000, "JPY", "CN")));
            assertThat(only(big).taxAmount()).isEqualTo(Money.ofMinor(2000, "JPY"));
            assertThat(only(big).collectedAt()).isEqualTo(CollectedAt.DELIVERY);
        }

        @Test
        void a_cart_shipping_from_two_countries_is_refused() {
            assertThatThrownBy(() -> quote(
                            NONE,
                            excl("EUR", "DE", "2026-11-01", line("a", 100, "EUR", "DE"), line("b", 100, "EUR", "CN"))))
                    .isInstanceOf(PluginRejectedException.class)
                    .satisfies(e ->
                            assertThat(((PluginRejectedException) e).code()).isEqualTo("mixed_ship_from"));
        }
    }

    // ---- US de minimis ------------------------------------------------------------------------

    @Nested
    class UnitedStates {

        @Test
        void after_2025_08_29_no_de_minimis_for_any_origin() {
            TaxQuote q = quote(NONE, excl("USD", "US", "2025-09-01", line("a", 5000, "USD", "VN")));
            assertThat(q.lineTaxes()).isEmpty();
            assertThat(q.notices())
                    .anyMatch(n -> n.startsWith("[US-DE-MINIMIS-SUSPENDED]")
                            && n.contains("from 2025-08-29")
                            && n.contains("NOT computed"));
            assertThat(q.notices()).noneMatch(n -> n.startsWith("[US-DE-MINIMIS-800]"));
        }

        @Test
        void before_the_suspension_a_50_usd_shipment_was_duty_free() {
            TaxQuote q = quote(NONE, excl("USD", "US", "2025-03-01", line("a", 5000, "USD", "VN")));
            assertThat(q.notices()).anyMatch(n -> n.startsWith("[US-DE-MINIMIS-800]"));
        }

        @Test
        void china_goods_lost_de_minimis_on_2025_05_02_others_kept_it_until_2025_08_29() {
            TaxQuote cn = quote(
                    NONE,
                    excl("USD", "US", "2025-06-01", line("a", 1, 5000, "USD", "CN", "CN", TaxCategory.STANDARD, null)));
            assertThat(cn.notices()).anyMatch(n -> n.startsWith("[US-DE-MINIMIS-SUSPENDED-CN-HK]"));
            TaxQuote vn = quote(NONE, excl("USD", "US", "2025-06-01", line("a", 5000, "USD", "VN")));
            assertThat(vn.notices()).anyMatch(n -> n.startsWith("[US-DE-MINIMIS-800]"));
        }
    }

    // ---- the bundle's data and descriptor -----------------------------------------------------------

    @Nested
    class Bundle {

        @Test
        void descriptor_is_bundled_with_the_calculator_fail_closed() throws Exception {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("OSGI-INF/caravan-plugin.json")) {
                assertThat(in).isNotNull();
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(json)
                        .contains(
                                "\"id\": \"caravan-tax\"",
                                "\"kinds\": [\"TAX\"]",
                                "\"TAX_CALCULATOR\"",
                                "\"" + DestinationTaxCalculator.class.getName() + "\"",
                                "\"FAIL_CLOSED\"",
                                "\"fxRates\"",
                                "\"iossNumber\"");
            }
        }

        @Test
        void bundled_rate_data_covers_eu27_and_the_other_markets() {
            for (String c : DestinationTaxCalculator.EU) {
                assertThat(VatRates.BUNDLED.standard(c, LocalDate.parse("2026-11-01")))
                        .as(c)
                        .isPresent();
            }
            for (String c : List.of("GB", "NO", "CH", "AU", "NZ", "SG", "JP", "CA")) {
                assertThat(VatRates.BUNDLED.covers(c)).as(c).isTrue();
            }
            assertThat(VatRates.BUNDLED
                            .standard("RO", LocalDate.parse("2025-08-01"))
                            .orElseThrow()
                            .percent())
                    .isEqualByComparingTo(new BigDecimal("21"));
            assertThat(VatRates.BUNDLED
                            .standard("SK", LocalDate.parse("2024-12-31"))
                            .orElseThrow()
                            .percent())
                    .isEqualByComparingTo(new BigDecimal("20"));
        }

        @Test
        void import_rules_come_from_dated_data() {
            assertThat(ImportRules.BUNDLED.rule("EU-DUTY-FLAT-3").extraAmount()).isEqualByComparingTo("3");
            assertThat(ImportRules.BUNDLED.inForce("EU-DUTY-RELIEF-150", LocalDate.parse("2026-06-30")))
                    .isPresent();
            assertThat(ImportRules.BUNDLED.inForce("EU-DUTY-RELIEF-150", LocalDate.parse("2026-07-01")))
                    .isEmpty();
            assertThat(ImportRules.BUNDLED.rule("GB-LVG-135").threshold()).isEqualByComparingTo("135");
        }
    }
}
