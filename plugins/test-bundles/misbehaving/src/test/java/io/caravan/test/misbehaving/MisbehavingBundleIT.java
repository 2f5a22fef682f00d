package io.caravan.test.misbehaving;

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
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.HealthStatus;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginHealth;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import io.caravan.testkit.PluginTestKit;
import io.caravan.testkit.TestPluginContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** The built misbehaving bundle through the test kit: every mode, with small numbers. */
class MisbehavingBundleIT {

    private static PluginTestKit kit;
    private static TaxCalculator calc;

    @BeforeAll
    static void load() {
        String path = System.getProperty("caravan.plugin.bundle");
        assertThat(path)
                .as("system property caravan.plugin.bundle (set by the pom)")
                .isNotBlank();
        kit = PluginTestKit.load(Path.of(path));
        calc = kit.extension(TaxCalculator.class);
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    static Cart cart() {
        LineItem a = LineItem.builder()
                .lineId("a")
                .sku("sku-a")
                .title("Item a")
                .quantity(3)
                .unitPrice(Money.ofMinor(25, "EUR"))
                .weightGrams(100)
                .hsCode(null)
                .origin(CountryCode.of("DE"))
                .shipFrom(CountryCode.of("DE"))
                .taxCategory(TaxCategory.STANDARD)
                .build();
        LineItem b = LineItem.builder()
                .lineId("b")
                .sku("sku-b")
                .title("Item b")
                .quantity(1)
                .unitPrice(Money.ofMinor(10000, "EUR"))
                .weightGrams(100)
                .hsCode(null)
                .origin(CountryCode.of("DE"))
                .shipFrom(CountryCode.of("DE"))
                .taxCategory(TaxCategory.STANDARD)
                .build();
        return new Cart(
                Currency.getInstance("EUR"),
                PriceDisplay.EXCLUDING_TAX,
                List.of(a, b),
                Money.ofMinor(499, "EUR"),
                Money.zero(Currency.getInstance("EUR")),
                List.of(),
                List.of(),
                new Address(CountryCode.of("FR"), null, null, "Paris", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse("2026-11-23"));
    }

    static TaxQuote quote(String config) {
        return calc.quote(TestPluginContext.withConfiguration(config), cart());
    }

    static void assertOk(TaxQuote q) {
        assertThat(q.lineTaxes())
                .extracting(TaxLine::taxAmount)
                .containsExactly(Money.ofMinor(8, "EUR"), Money.ofMinor(1000, "EUR"));
        assertThat(q.lineTaxes()).extracting(TaxLine::ruleId).containsOnly("misbehaving-ok");
        assertThat(q.lineTaxes()).extracting(TaxLine::jurisdiction).containsOnly("FR");
        assertThat(q.shippingTaxes()).isEmpty();
        assertThat(q.duties()).isEmpty();
    }

    @Test
    void bundleAndDescriptor() {
        Bundle b = kit.bundle();
        assertThat(b.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(b.getSymbolicName()).isEqualTo("io.caravan.test.misbehaving");
        assertThat(b.getVersion().toString()).isEqualTo("1.0.0");
        assertThat(importedPackages(b.getHeaders().get("Import-Package")))
                .isNotEmpty()
                .allMatch(p -> p.startsWith("io.caravan.sdk."));
        PluginDescriptor d = kit.descriptor();
        assertThat(d.id()).isEqualTo("test-misbehaving");
        assertThat(d.version()).isEqualTo("1.0.0");
        assertThat(d.extension(ExtensionPoint.TAX_CALCULATOR))
                .get()
                .extracting(Extension::failurePolicy)
                .isEqualTo(FailurePolicy.FAIL_CLOSED);
        assertThat(kit.extension(PluginHealth.class)
                        .check(TestPluginContext.withConfiguration("{}"))
                        .status())
                .isEqualTo(HealthStatus.UP);
    }

    @Test
    void okAndDefault() {
        assertOk(quote("""
                {"mode": "ok"}"""));
        assertOk(quote("{}"));
    }

    @Test
    void wrongAnswerModes() {
        TaxQuote yen = quote("""
                {"mode": "foreign-currency"}""");
        assertThat(yen.currency()).isEqualTo(Currency.getInstance("JPY"));
        assertThat(yen.lineTaxes())
                .extracting(t -> t.taxAmount().currency().getCurrencyCode())
                .containsOnly("JPY");

        TaxQuote unknown = quote("""
                {"mode": "unknown-line"}""");
        assertThat(unknown.lineTaxes()).extracting(TaxLine::lineRef).containsExactly("a", "b", "no-such-line");

        TaxQuote giant = quote("""
                {"mode": "giant-rate"}""");
        assertThat(giant.lineTaxes()).extracting(t -> t.rate().scale()).containsOnly(-100_000_000);
    }

    @Test
    void classLoadersMode() {
        // outside the server everything shares one class path: the mode only reports, one notice per object
        TaxQuote q = quote("""
                {"mode": "class-loaders"}""");
        assertOk(q);
        assertThat(q.notices())
                .hasSize(7)
                .allSatisfy(n -> assertThat(n).containsPattern(": (reaches|cannot reach) the platform"));
    }

    @Test
    void throwMode() {
        assertThatThrownBy(() -> quote("""
                {"mode": "throw"}"""))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("misbehaving: told to throw");
    }

    @Test
    void rejectMode() {
        assertThatThrownBy(() -> quote("""
                {"mode": "reject"}"""))
                .isInstanceOfSatisfying(
                        PluginRejectedException.class, e -> assertThat(e.code()).isEqualTo("destination_not_served"));
    }

    @Test
    void sleepMode() {
        long start = System.nanoTime();
        assertOk(quote("""
                {"mode": "sleep", "millis": 100}"""));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void sleepInterruptedSetsTheFlagAgainAndThrows() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> quote("""
                    {"mode": "sleep", "millis": 5000}"""))
                    .isExactlyInstanceOf(RuntimeException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void spinModeIgnoresInterrupts() {
        Thread.currentThread().interrupt();
        try {
            long start = System.nanoTime();
            assertOk(quote("""
                    {"mode": "spin", "millis": 100}"""));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void allocateMode() {
        assertOk(quote("""
                {"mode": "allocate", "megabytes": 16}"""));
    }

    @Test
    void threadModeReturnsAtOnceAndLeavesAThreadThatEnds() throws InterruptedException {
        long start = System.nanoTime();
        assertOk(quote("""
                {"mode": "thread", "millis": 300}"""));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        Optional<Thread> leak = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("misbehaving-leak"))
                .findFirst();
        assertThat(leak).isPresent();
        assertThat(leak.get().isVirtual()).isFalse();
        leak.get().join(Duration.ofSeconds(5));
        assertThat(leak.get().isAlive()).isFalse();
    }

    /** The package names of an Import-Package header (quoted attribute values may hold commas). */
    static List<String> importedPackages(String header) {
        return Arrays.stream(header.replaceAll("\"[^\"]*\"", "").split(","))
                .map(clause -> clause.split(";")[0].trim())
                .toList();
    }
}
