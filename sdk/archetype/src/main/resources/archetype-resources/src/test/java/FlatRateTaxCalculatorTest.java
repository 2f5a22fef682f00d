package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.HealthStatus;
import io.caravan.sdk.plugin.PluginConfigurationException;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import io.caravan.testkit.TestPluginContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unit tests: the classes called directly, with the test kit's {@link TestPluginContext} standing in
 * for the platform's per-call context. Fast; no bundle involved (that is {@code PluginBundleIT}).
 */
class FlatRateTaxCalculatorTest {

    /** One instance for every test, as the platform shares one instance among all stores. */
    private final FlatRateTaxCalculator calculator = new FlatRateTaxCalculator();
    private final FlatRateHealth health = new FlatRateHealth();

    static TestPluginContext rate(String percent) {
        return TestPluginContext.builder()
                .storeSlug("store-" + percent)
                .configuration("{\"ratePercent\": \"" + percent + "\"}")
                .build();
    }

    static LineItem line(String id, int quantity, long unitMinor, String currency) {
        return LineItem.builder()
                .lineId(id)
                .sku("sku-" + id)
                .title("Item " + id)
                .quantity(quantity)
                .unitPrice(Money.ofMinor(unitMinor, currency))
                .weightGrams(250)
                .origin(CountryCode.of("DE"))
                .shipFrom(CountryCode.of("DE"))
                .taxCategory(TaxCategory.STANDARD)
                .build();
    }

    static Cart cart(PriceDisplay prices, LineItem... lines) {
        String currency = lines[0].unitPrice().currency().getCurrencyCode();
        return new Cart(
                Currency.getInstance(currency),
                prices,
                List.of(lines),
                Money.ofMinor(499, currency),
                Money.zero(Currency.getInstance(currency)),
                List.of(),
                List.of(),
                new Address(CountryCode.of("FR"), null, "75001", "Paris", List.of(), null),
                new Customer("c-1", null, null, null),
                LocalDate.of(2026, 11, 23));
    }

    @Test
    void taxesEveryLineAtTheConfiguredRate() {
        TaxQuote quote = calculator.quote(rate("19"), cart(PriceDisplay.EXCLUDING_TAX,
                line("a", 2, 1000, "EUR"), line("b", 1, 2550, "EUR")));

        assertThat(quote.lineTaxes()).hasSize(2);
        TaxLine a = quote.lineTaxes().get(0);
        assertThat(a.lineRef()).isEqualTo("a");
        assertThat(a.taxableAmount()).isEqualTo(Money.ofMinor(2000, "EUR"));
        assertThat(a.taxAmount()).isEqualTo(Money.ofMinor(380, "EUR"));
        assertThat(a.rate()).isEqualByComparingTo("0.19");
        assertThat(a.jurisdiction()).isEqualTo("FR");
        assertThat(a.ruleId()).isEqualTo(FlatRateTaxCalculator.RULE_ID);
        assertThat(a.explanation()).contains("19 %");
        assertThat(a.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
        // 25.50 x 19 % = 4.845: half way between two cents, HALF_EVEN keeps the even one
        assertThat(quote.lineTaxes().get(1).taxAmount()).isEqualTo(Money.ofMinor(484, "EUR"));

        assertThat(quote.shippingTaxes()).isEmpty();
        assertThat(quote.duties()).isEmpty();
        assertThat(quote.taxAtCheckout()).isEqualTo(Money.ofMinor(864, "EUR"));
        assertThat(quote.addedAtCheckout()).isEqualTo(Money.ofMinor(864, "EUR"));
    }

    @Test
    void roundsHalfEvenToMinorUnits() {
        // 0.50 x 5 % = 0.025 -> 0.02 (HALF_UP would give 0.03); 0.70 x 5 % = 0.035 -> 0.04
        TaxQuote quote = calculator.quote(rate("5"), cart(PriceDisplay.EXCLUDING_TAX,
                line("a", 1, 50, "EUR"), line("b", 1, 70, "EUR")));
        assertThat(quote.lineTaxes()).extracting(TaxLine::taxAmount)
                .containsExactly(Money.ofMinor(2, "EUR"), Money.ofMinor(4, "EUR"));
    }

    @Test
    void pricesIncludingTaxContainTheTax() {
        TaxQuote quote = calculator.quote(rate("19"), cart(PriceDisplay.INCLUDING_TAX, line("a", 1, 1190, "EUR")));
        TaxLine a = quote.lineTaxes().get(0);
        assertThat(a.taxAmount()).isEqualTo(Money.ofMinor(190, "EUR"));
        assertThat(a.taxableAmount()).isEqualTo(Money.ofMinor(1000, "EUR"));
        assertThat(quote.addedAtCheckout()).isEqualTo(Money.ofMinor(0, "EUR"));
    }

    @Test
    void currenciesWithoutCentsAreRoundedToWholeUnits() {
        // JPY has no minor unit: 1,234 x 10 % = 123.4 -> 123
        TaxQuote quote = calculator.quote(rate("10"), cart(PriceDisplay.EXCLUDING_TAX, line("a", 1, 1234, "JPY")));
        assertThat(quote.lineTaxes().get(0).taxAmount()).isEqualTo(Money.ofMinor(123, "JPY"));
    }

    @Test
    void oneInstanceServesStoresWithDifferentRates() {
        Cart cart = cart(PriceDisplay.EXCLUDING_TAX, line("a", 1, 10000, "EUR"));
        assertThat(calculator.quote(rate("20"), cart).taxAtCheckout()).isEqualTo(Money.ofMinor(2000, "EUR"));
        assertThat(calculator.quote(rate("7.5"), cart).taxAtCheckout()).isEqualTo(Money.ofMinor(750, "EUR"));
        assertThat(calculator.quote(rate("20"), cart).taxAtCheckout()).isEqualTo(Money.ofMinor(2000, "EUR"));
    }

    @Test
    void aMissingOrInvalidRateIsForTheMerchantToFix() {
        Cart cart = cart(PriceDisplay.EXCLUDING_TAX, line("a", 1, 1000, "EUR"));
        assertThatThrownBy(() -> calculator.quote(TestPluginContext.withConfiguration("{}"), cart))
                .isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("ratePercent");
        assertThatThrownBy(() -> calculator.quote(rate("abc"), cart))
                .isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> calculator.quote(rate("150"), cart))
                .isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("between 0 and 100");
    }

    @Test
    void debugLogSaysWhatWasAppliedAndNothingAboutTheShopper() {
        TestPluginContext context = rate("19");
        calculator.quote(context, cart(PriceDisplay.EXCLUDING_TAX, line("a", 1, 1000, "EUR")));
        assertThat(context.logLines()).containsExactly("DEBUG Flat rate 19 % on 1 lines");
    }

    @Test
    void healthIsUpWithARateAndDownWithout() {
        HealthReport up = health.check(rate("7.5"));
        assertThat(up.status()).isEqualTo(HealthStatus.UP);
        assertThat(up.detail()).contains("7.5 %");

        HealthReport down = health.check(TestPluginContext.withConfiguration("{}"));
        assertThat(down.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(down.detail()).contains("ratePercent");
    }

    @Test
    void rateIsAFraction() {
        assertThat(FlatRate.read(rate("7.5").configuration())).isEqualByComparingTo(new BigDecimal("0.075"));
        assertThat(FlatRate.read(rate("0").configuration())).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
