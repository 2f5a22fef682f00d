package io.caravan.platform.commerce.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.AppliedDiscount;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.DutyTreatment;
import io.caravan.sdk.model.Fee;
import io.caravan.sdk.model.FeeKind;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.Duty;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxQuoteCheckTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal RATE = new BigDecimal("0.19");

    /** Two lines: l1 = 2 × 10.00, l2 = 1 × 5.00; shipping 4.00. */
    private static Cart cart() {
        return new Cart(
                EUR,
                PriceDisplay.EXCLUDING_TAX,
                List.of(line("l1", 2, 1_000), line("l2", 1, 500)),
                Money.ofMinor(400, "EUR"),
                Money.zero(EUR),
                List.of(),
                List.of(),
                new Address(CountryCode.of("DE"), null, null, "Berlin", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse("2026-11-23"));
    }

    private static LineItem line(String id, int quantity, long unitPrice) {
        return LineItem.builder()
                .lineId(id)
                .sku("sku-" + id)
                .title("Mug")
                .quantity(quantity)
                .unitPrice(Money.ofMinor(unitPrice, "EUR"))
                .weightGrams(400)
                .hsCode(HsCode.of("691200"))
                .origin(CountryCode.of("PT"))
                .shipFrom(CountryCode.of("PT"))
                .taxCategory(TaxCategory.STANDARD)
                .build();
    }

    private static TaxLine tax(String lineRef, long taxable, BigDecimal rate) {
        return tax(lineRef, Money.ofMinor(taxable, "EUR"), rate);
    }

    private static TaxLine tax(String lineRef, Money taxable, BigDecimal rate) {
        return new TaxLine(
                lineRef,
                taxable,
                Money.zero(taxable.currency()),
                rate,
                "DE",
                "DE-VAT",
                "German VAT",
                CollectedAt.CHECKOUT);
    }

    private static Duty duty(String lineRef, long value) {
        return new Duty(
                lineRef,
                null,
                Money.ofMinor(value, "EUR"),
                Money.ofMinor(0, "EUR"),
                BigDecimal.ZERO,
                "EU",
                "EU-DUTY",
                "EU duty",
                CollectedAt.CHECKOUT);
    }

    private static TaxQuote quote(
            List<TaxLine> lines, List<TaxLine> shipping, List<Duty> duties, List<String> notices) {
        return new TaxQuote(
                EUR, PriceDisplay.EXCLUDING_TAX, DutyTreatment.DAP, lines, shipping, List.of(), duties, notices);
    }

    private static TaxQuote lines(TaxLine... lines) {
        return quote(List.of(lines), List.of(), List.of(), List.of());
    }

    private static TaxQuote good() {
        return quote(
                List.of(tax("l1", 2_000, RATE), tax("l2", 500, RATE)),
                List.of(tax(TaxLine.SHIPPING, 400, RATE)),
                List.of(duty("l1", 2_900)),
                List.of("VAT is collected at checkout."));
    }

    private static void refused(TaxQuote quote, String... words) {
        assertThatThrownBy(() -> TaxQuoteCheck.check(quote, cart()))
                .isInstanceOf(InvalidTaxQuoteException.class)
                .hasMessageStartingWith("the quote does not answer the cart: ")
                .hasMessageContainingAll(words);
    }

    @Test
    void a_quote_that_answers_the_cart_passes_unchanged() {
        TaxQuote quote = good();
        assertThat(TaxQuoteCheck.check(quote, cart())).isSameAs(quote);
    }

    @Test
    void a_missing_quote_is_left_to_the_invoker() {
        assertThat(TaxQuoteCheck.check(null, cart())).isNull();
    }

    @Test
    void a_quote_in_another_currency_is_refused() {
        Money yen = Money.ofMinor(2_000, "JPY");
        TaxQuote quote = new TaxQuote(
                Currency.getInstance("JPY"),
                PriceDisplay.EXCLUDING_TAX,
                DutyTreatment.DAP,
                List.of(tax("l1", yen, RATE)),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        refused(quote, "currency is JPY", "EUR");
    }

    @Test
    void a_quote_with_another_price_display_is_refused() {
        TaxQuote quote = new TaxQuote(
                EUR,
                PriceDisplay.INCLUDING_TAX,
                DutyTreatment.DAP,
                List.of(tax("l1", 2_000, RATE)),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        refused(quote, "prices is INCLUDING_TAX");
    }

    @Test
    void a_line_tax_on_a_line_the_cart_does_not_have_is_refused() {
        refused(lines(tax("l1", 2_000, RATE), tax("l9", 100, RATE)), "lineTaxes[1].lineRef \"l9\"", "no line");
    }

    @Test
    void a_duty_on_a_line_the_cart_does_not_have_is_refused() {
        refused(quote(List.of(), List.of(), List.of(duty("nope", 10)), List.of()), "duties[0].lineRef \"nope\"");
    }

    @Test
    void a_long_unknown_line_ref_is_cut_in_the_message() {
        String ref = "x".repeat(64);
        assertThatThrownBy(() -> TaxQuoteCheck.check(lines(tax(ref, 1, RATE)), cart()))
                .hasMessageContaining("\"" + ref + "\"");
    }

    @Test
    void at_most_four_line_taxes_per_cart_line() {
        List<TaxLine> eight = Collections.nCopies(8, tax("l1", 10, RATE));
        assertThat(TaxQuoteCheck.check(quote(eight, List.of(), List.of(), List.of()), cart()))
                .isNotNull();
        List<TaxLine> nine = Collections.nCopies(9, tax("l1", 10, RATE));
        refused(quote(nine, List.of(), List.of(), List.of()), "lineTaxes has 9 entries; at most 8");
    }

    @Test
    void at_most_eight_shipping_taxes() {
        List<TaxLine> nine = Collections.nCopies(9, tax(TaxLine.SHIPPING, 10, RATE));
        refused(quote(List.of(), nine, List.of(), List.of()), "shippingTaxes has 9 entries; at most 8");
    }

    @Test
    void at_most_four_duties_per_cart_line() {
        List<Duty> nine = Collections.nCopies(9, duty("l2", 10));
        refused(quote(List.of(), List.of(), nine, List.of()), "duties has 9 entries; at most 8");
    }

    @Test
    void at_most_twenty_notices() {
        List<String> notices = Collections.nCopies(21, "A notice.");
        refused(quote(List.of(), List.of(), List.of(), notices), "notices has 21 entries; at most 20");
    }

    @Test
    void a_taxable_amount_above_the_line_amount_is_refused() {
        assertThat(TaxQuoteCheck.check(lines(tax("l1", 2_000, RATE)), cart())).isNotNull();
        refused(lines(tax("l1", 2_001, RATE)), "lineTaxes[0].taxableAmount 2001", "line's amount after discount (2000");
    }

    /** l1 = 2 × 10.00 with 3.00 off, shipping 4.00 with 4.00 off, a COD fee 2.50 with 0.50 off. */
    private static Cart discountedCart() {
        return Cart.builder()
                .currency(EUR)
                .line(LineItem.builder()
                        .lineId("l1")
                        .sku("sku-l1")
                        .quantity(2)
                        .unitPrice(Money.ofMinor(1_000, "EUR"))
                        .discount(Money.ofMinor(300, "EUR"))
                        .origin(CountryCode.of("PT"))
                        .build())
                .shipping(Money.ofMinor(400, "EUR"))
                .shippingDiscount(Money.ofMinor(400, "EUR"))
                .fee(new Fee(
                        "cod-fee",
                        FeeKind.PAYMENT_METHOD,
                        "Cash on delivery",
                        Money.ofMinor(250, "EUR"),
                        Money.ofMinor(50, "EUR"),
                        TaxCategory.STANDARD))
                .discount(new AppliedDiscount("SPRING", "Spring sale", "store", Money.ofMinor(750, "EUR")))
                .shipTo(new Address(CountryCode.of("DE"), null, null, "Berlin", List.of(), null))
                .orderDate(LocalDate.parse("2026-11-23"))
                .build();
    }

    private static TaxQuote withFees(List<TaxLine> lines, List<TaxLine> shipping, List<TaxLine> fees) {
        return new TaxQuote(
                EUR, PriceDisplay.EXCLUDING_TAX, DutyTreatment.DAP, lines, shipping, fees, List.of(), List.of());
    }

    @Test
    void taxes_on_a_discounted_cart_are_bounded_by_the_discounted_amounts() {
        Cart cart = discountedCart();
        TaxQuote right = withFees(List.of(tax("l1", 1_700, RATE)), List.of(), List.of(tax("cod-fee", 200, RATE)));
        assertThat(TaxQuoteCheck.check(right, cart)).isSameAs(right);
        assertThatThrownBy(() ->
                        TaxQuoteCheck.check(withFees(List.of(tax("l1", 2_000, RATE)), List.of(), List.of()), cart))
                .hasMessageContaining(
                        "lineTaxes[0].taxableAmount 2000 is more than the line's amount after discount (1700");
        assertThatThrownBy(() -> TaxQuoteCheck.check(
                        withFees(List.of(), List.of(tax(TaxLine.SHIPPING, 400, RATE)), List.of()), cart))
                .hasMessageContaining(
                        "shippingTaxes[0].taxableAmount 400 is more than the shipping charge after discount (0");
        assertThatThrownBy(() ->
                        TaxQuoteCheck.check(withFees(List.of(), List.of(), List.of(tax("cod-fee", 250, RATE))), cart))
                .hasMessageContaining("feeTaxes[0].taxableAmount 250 is more than the fee after discount (200");
    }

    @Test
    void a_fee_tax_names_a_fee_of_the_cart() {
        assertThatThrownBy(() -> TaxQuoteCheck.check(
                        withFees(List.of(), List.of(), List.of(tax("l1", 100, RATE))), discountedCart()))
                .hasMessageContaining("feeTaxes[0].lineRef \"l1\" names no fee of the cart");
        assertThatThrownBy(() ->
                        TaxQuoteCheck.check(withFees(List.of(), List.of(), List.of(tax("cod-fee", 1, RATE))), cart()))
                .hasMessageContaining("feeTaxes has 1 entries; at most 0 (4 per cart fee)");
    }

    @Test
    void a_shipping_taxable_amount_above_the_shipping_charge_is_refused() {
        refused(
                quote(List.of(), List.of(tax(TaxLine.SHIPPING, 401, RATE)), List.of(), List.of()),
                "shippingTaxes[0].taxableAmount 401");
    }

    @Test
    void a_dutiable_value_may_cover_lines_and_freight_but_not_more() {
        assertThat(TaxQuoteCheck.check(quote(List.of(), List.of(), List.of(duty("l2", 2_900)), List.of()), cart()))
                .isNotNull();
        refused(quote(List.of(), List.of(), List.of(duty("l2", 2_901)), List.of()), "duties[0].dutiableValue 2901");
    }

    @Test
    void rates_from_zero_to_ten_pass() {
        assertThat(TaxQuoteCheck.check(lines(tax("l1", 10, BigDecimal.ZERO)), cart()))
                .isNotNull();
        assertThat(TaxQuoteCheck.check(lines(tax("l1", 10, BigDecimal.TEN)), cart()))
                .isNotNull();
        assertThat(TaxQuoteCheck.check(lines(tax("l1", 10, new BigDecimal("1E+1"))), cart()))
                .isNotNull();
        assertThat(TaxQuoteCheck.check(lines(tax("l1", 10, new BigDecimal("0.0000000001"))), cart()))
                .isNotNull();
    }

    @Test
    void a_rate_above_ten_is_refused() {
        refused(lines(tax("l1", 10, new BigDecimal("10.01"))), "lineTaxes[0].rate must be between 0 and 10");
    }

    @Test
    void a_giant_exponent_is_refused_by_its_scale_without_being_printed() {
        long started = System.nanoTime();
        refused(lines(tax("l1", 10, new BigDecimal("1E+100000000"))), "lineTaxes[0].rate has scale -100000000");
        refused(lines(tax("l1", 10, new BigDecimal("1E-100000000"))), "rate has scale 100000000");
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    void a_rate_with_too_many_decimals_is_refused() {
        refused(lines(tax("l1", 10, new BigDecimal("0.19000000000"))), "rate has scale 11");
    }

    @Test
    void a_rate_with_too_many_digits_is_refused_before_they_are_counted() {
        refused(lines(tax("l1", 10, new BigDecimal("1.000000000000000000000"))), "scale 21");
        // a million-digit unscaled value at an allowed scale: refused on its bit length
        BigDecimal huge = new BigDecimal(BigInteger.TEN.pow(1_000_000), 10);
        refused(lines(tax("l1", 10, huge)), "more than 20 significant digits");
        BigDecimal twentyOne = new BigDecimal(new BigInteger("100000000000000000000"), 10); // 21 digits, 67 bits
        refused(lines(tax("l1", 10, twentyOne)), "more than 20 significant digits");
    }

    @Test
    void a_duty_rate_is_checked_like_a_tax_rate() {
        Duty giant = new Duty(
                "l1",
                null,
                Money.ofMinor(100, "EUR"),
                Money.ofMinor(0, "EUR"),
                new BigDecimal("1E+100000000"),
                "EU",
                "EU-DUTY",
                "EU duty",
                CollectedAt.CHECKOUT);
        refused(quote(List.of(), List.of(), List.of(giant), List.of()), "duties[0].rate has scale");
    }

    @Test
    void a_rate_of_a_big_decimal_subclass_is_refused() {
        BigDecimal sly = new BigDecimal("0.19") {
            @Override
            public int scale() {
                return 2;
            }
        };
        refused(lines(tax("l1", 10, sly)), "lineTaxes[0].rate must be a java.math.BigDecimal");
    }

    @Test
    void texts_at_the_sdk_limits_pass() {
        List<String> notices = new ArrayList<>(List.of("x".repeat(500)));
        assertThat(TaxQuoteCheck.check(quote(List.of(), List.of(), List.of(), notices), cart()))
                .isNotNull();
    }
}
