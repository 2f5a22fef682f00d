package io.caravan.plugins.tax;

import static io.caravan.plugins.tax.RegimeFixtures.consignment;
import static io.caravan.plugins.tax.RegimeFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.AppliedDiscount;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Fee;
import io.caravan.sdk.model.FeeKind;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Taxes are due on what the shopper pays: discounted lines, discounted shipping, and fees like the COD fee. */
class DiscountsAndFeesTest {

    private static final String IOSS = "{\"registrations\": {\"iossNumber\": \"IM2760000001\"}}";

    private static LineItem line(String id, long unitMinor, int quantity, long discountMinor, String shipFrom) {
        return LineItem.builder()
                .lineId(id)
                .sku("sku-" + id)
                .quantity(quantity)
                .unitPrice(money(unitMinor, "EUR"))
                .discount(money(discountMinor, "EUR"))
                .weightGrams(200)
                .hsCode(HsCode.of("610910"))
                .origin(CountryCode.of(shipFrom))
                .shipFrom(CountryCode.of(shipFrom))
                .taxCategory(TaxCategory.STANDARD)
                .build();
    }

    private static Cart.Builder cart(PriceDisplay prices, LineItem line) {
        return Cart.builder()
                .currency("EUR")
                .prices(prices)
                .line(line)
                .shipTo(CountryCode.of("DE"), "Berlin")
                .orderDate(LocalDate.parse("2026-11-01"));
    }

    @Test
    void a_discounted_line_is_taxed_on_its_net_amount() {
        // 2 × EUR 50.00 with EUR 20.00 off: German VAT 19 % on EUR 80.00, not EUR 100.00
        Cart cart = cart(PriceDisplay.EXCLUDING_TAX, line("a", 5000, 2, 2000, "DE"))
                .discount(new AppliedDiscount("WELCOME20", "EUR 20 off", "store", money(2000, "EUR")))
                .build();
        TaxQuote q = new DomesticSale(VatRates.BUNDLED).quote(consignment("{}", cart));
        assertThat(q.lineTaxes()).singleElement().satisfies(t -> {
            assertThat(t.taxableAmount()).isEqualTo(money(8000, "EUR"));
            assertThat(t.taxAmount()).isEqualTo(money(1520, "EUR"));
        });
    }

    @Test
    void tax_inside_a_discounted_price_is_computed_out_of_the_discounted_price() {
        // EUR 119.00 including VAT with EUR 11.90 off: VAT = 107.10 × 19/119 = 17.10
        Cart cart = cart(PriceDisplay.INCLUDING_TAX, line("a", 11900, 1, 1190, "DE"))
                .discount(new AppliedDiscount(null, "10 % for members", "acme-loyalty", money(1190, "EUR")))
                .build();
        TaxQuote q = new DomesticSale(VatRates.BUNDLED).quote(consignment("{}", cart));
        assertThat(q.lineTaxes().get(0).taxAmount()).isEqualTo(money(1710, "EUR"));
        assertThat(q.lineTaxes().get(0).taxableAmount()).isEqualTo(money(9000, "EUR"));
    }

    @Test
    void free_shipping_is_not_taxed_and_a_cod_fee_is_taxed_like_shipping() {
        Fee cod = new Fee(
                "cod-fee",
                FeeKind.PAYMENT_METHOD,
                "Cash on delivery fee",
                money(300, "EUR"),
                money(0, "EUR"),
                TaxCategory.STANDARD);
        Cart cart = cart(PriceDisplay.EXCLUDING_TAX, line("a", 10000, 1, 0, "DE"))
                .shipping(money(490, "EUR"))
                .shippingDiscount(money(490, "EUR"))
                .discount(new AppliedDiscount("FREESHIP", "Free shipping", "store", money(490, "EUR")))
                .fee(cod)
                .build();
        TaxQuote q = new DomesticSale(VatRates.BUNDLED).quote(consignment("{}", cart));
        assertThat(q.shippingTaxes()).isEmpty();
        assertThat(q.feeTaxes()).singleElement().satisfies(t -> {
            assertThat(t.lineRef()).isEqualTo("cod-fee");
            assertThat(t.taxableAmount()).isEqualTo(money(300, "EUR"));
            assertThat(t.taxAmount()).isEqualTo(money(57, "EUR"));
            assertThat(t.explanation()).contains("Cash on delivery fee follows the goods like shipping");
        });
        assertThat(q.totalTax()).isEqualTo(money(1957, "EUR"));
    }

    @Test
    void under_ioss_the_cod_fee_is_collected_at_checkout_with_the_goods() {
        Fee cod = Fee.of("cod-fee", FeeKind.PAYMENT_METHOD, "Cash on delivery fee", money(250, "EUR"));
        Cart cart = cart(PriceDisplay.EXCLUDING_TAX, line("a", 5000, 1, 0, "CN"))
                .fee(cod)
                .build();
        TaxQuote q = new EuImport(VatRates.BUNDLED, ImportRules.BUNDLED).quote(consignment(IOSS, cart));
        assertThat(q.feeTaxes()).extracting(TaxLine::ruleId).containsExactly("EU-IOSS/DE-STD");
        assertThat(q.feeTaxes().get(0).taxAmount()).isEqualTo(money(48, "EUR"));
    }

    @Test
    void the_ioss_threshold_compares_the_discounted_goods_value() {
        // EUR 160.00 of goods with EUR 20.00 off: intrinsic value EUR 140.00, within IOSS (≤ EUR 150)
        Cart cart = cart(PriceDisplay.EXCLUDING_TAX, line("a", 16000, 1, 2000, "CN"))
                .discount(new AppliedDiscount("SAVE20", "EUR 20 off", "store", money(2000, "EUR")))
                .build();
        TaxQuote q = new EuImport(VatRates.BUNDLED, ImportRules.BUNDLED).quote(consignment(IOSS, cart));
        assertThat(q.lineTaxes()).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("EU-IOSS/DE-STD");
            assertThat(t.taxableAmount()).isEqualTo(money(14000, "EUR"));
        });
        assertThat(q.duties()).allSatisfy(d -> assertThat(d.dutiableValue()).isEqualTo(money(14000, "EUR")));
    }
}
