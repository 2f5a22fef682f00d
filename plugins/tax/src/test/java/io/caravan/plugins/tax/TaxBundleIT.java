package io.caravan.plugins.tax;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginKind;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import io.caravan.testkit.PluginTestKit;
import io.caravan.testkit.TestPluginContext;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The built bundle ({@code target/caravan-plugin-tax-<version>.jar}), loaded into Felix through the
 * test kit the way the platform loads it: manifest, imports, descriptor and class loader included.
 * Runs in {@code integration-test}, after {@code package}.
 */
class TaxBundleIT {

    private static PluginTestKit kit;

    static Path bundleJar() {
        String path = System.getProperty("caravan.plugin.bundle");
        assertThat(path)
                .as("system property caravan.plugin.bundle (set by the pom)")
                .isNotBlank();
        return Path.of(path);
    }

    @BeforeAll
    static void load() {
        kit = PluginTestKit.load(bundleJar());
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    static LineItem line(long unitMinor, String ccy, String origin) {
        return LineItem.builder()
                .lineId("a")
                .sku("sku-a")
                .title("Item a")
                .quantity(1)
                .unitPrice(Money.ofMinor(unitMinor, ccy))
                .weightGrams(100)
                .hsCode(HsCode.of("610910"))
                .origin(CountryCode.of(origin))
                .shipFrom(CountryCode.of(origin))
                .taxCategory(TaxCategory.STANDARD)
                .build();
    }

    static Cart cart(String ccy, String dest, String date, long shippingMinor, LineItem line) {
        return new Cart(
                Currency.getInstance(ccy),
                PriceDisplay.EXCLUDING_TAX,
                List.of(line),
                Money.ofMinor(shippingMinor, ccy),
                Money.zero(Currency.getInstance(ccy)),
                List.of(),
                List.of(),
                new Address(CountryCode.of(dest), null, null, "City", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse(date));
    }

    @Test
    void descriptorIsTheBundlesOwn() {
        PluginDescriptor d = kit.descriptor();
        assertThat(d.id()).isEqualTo("caravan-tax");
        assertThat(d.kinds()).containsExactly(PluginKind.TAX);
        assertThat(d.extensions()).hasSize(1);
        Extension ext = d.extensions().get(0);
        assertThat(ext.point()).isEqualTo(ExtensionPoint.TAX_CALCULATOR);
        assertThat(ext.failurePolicy()).isEqualTo(FailurePolicy.FAIL_CLOSED);
        assertThat(kit.bundle().getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(kit.location())
                .isEqualTo("caravan:io.caravan.plugins.tax@" + kit.bundle().getVersion());
    }

    @Test
    void calculatorComesFromTheBundlesClassLoaderNotTheTestClassPath() throws Exception {
        TaxCalculator calculator = kit.extension(TaxCalculator.class);
        ClassLoader loader = calculator.getClass().getClassLoader();
        assertThat(loader).isSameAs(kit.bundle().adapt(BundleWiring.class).getClassLoader());
        assertThat(loader).isNotSameAs(TaxBundleIT.class.getClassLoader());
        // The test class path holds the plugin's classes too (target/classes or the jar); the
        // bundle's copy must be a different Class, so nothing here is masked by them.
        Class<?> fromClassPath =
                Class.forName(DestinationTaxCalculator.class.getName(), false, TaxBundleIT.class.getClassLoader());
        assertThat(calculator.getClass()).isNotSameAs(fromClassPath);
        assertThat(calculator.getClass().getName()).isEqualTo(DestinationTaxCalculator.class.getName());
        // the SDK interface is shared (class identity across the boundary)
        assertThat(kit.bundle().loadClass(TaxCalculator.class.getName())).isSameAs(TaxCalculator.class);
        // one shared instance per extension point
        assertThat(kit.extension(TaxCalculator.class)).isSameAs(calculator);
    }

    @Test
    void euImportOf100EurFromChinaWithIossPaysGermanVatAtCheckout() {
        TestPluginContext ctx = TestPluginContext.withConfiguration("""
                {"registrations": {"iossNumber": "IM2760000001"}}""");
        TaxQuote q = kit.extension(TaxCalculator.class)
                .quote(ctx, cart("EUR", "DE", "2026-03-01", 0, line(10000, "EUR", "CN")));
        TaxLine t = q.lineTaxes().get(0);
        assertThat(t.taxAmount()).isEqualTo(Money.ofMinor(1900, "EUR"));
        assertThat(t.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
        assertThat(t.ruleId()).isEqualTo("EU-IOSS/DE-STD");
    }

    @Test
    void uk100GbpIsVatAtThePointOfSale() {
        TestPluginContext ctx = TestPluginContext.withConfiguration("""
                {"registrations": {"ukVat": true}}""");
        TaxQuote q = kit.extension(TaxCalculator.class)
                .quote(ctx, cart("GBP", "GB", "2026-11-01", 0, line(10000, "GBP", "CN")));
        TaxLine t = q.lineTaxes().get(0);
        assertThat(t.taxAmount()).isEqualTo(Money.ofMinor(2000, "GBP"));
        assertThat(t.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
        assertThat(t.ruleId()).isEqualTo("GB-LVG-135/GB-STD");
    }

    @Test
    void closingTheKitLetsTheBundlesClassLoaderBeCollected() throws InterruptedException {
        WeakReference<ClassLoader> loader = loadQuoteAndClose();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }
        assertThat(loader.get())
                .as("the bundle's class loader after uninstall + refresh + framework stop")
                .isNull();
    }

    /** Everything that references the bundle lives only in this frame. */
    private static WeakReference<ClassLoader> loadQuoteAndClose() {
        try (PluginTestKit second = PluginTestKit.load(bundleJar())) {
            TaxCalculator calculator = second.extension(TaxCalculator.class);
            TaxQuote q = calculator.quote(
                    TestPluginContext.withConfiguration("{}"),
                    cart("EUR", "DE", "2026-11-01", 0, line(10000, "EUR", "DE")));
            assertThat(q.lineTaxes()).hasSize(1);
            return new WeakReference<>(calculator.getClass().getClassLoader());
        }
    }
}
