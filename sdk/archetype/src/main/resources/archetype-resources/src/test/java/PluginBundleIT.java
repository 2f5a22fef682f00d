package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.runtime.DryRunResult;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.HealthStatus;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginHealth;
import io.caravan.sdk.plugin.PluginKind;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import io.caravan.testkit.PluginTestKit;
import io.caravan.testkit.TestPluginContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The built bundle ({@code target/<artifactId>-<version>.jar}, passed by the pom as the system
 * property {@code caravan.plugin.bundle}) loaded into an embedded Felix through the test kit, the
 * way the platform loads it: its manifest and imports (only the SDK is visible), its descriptor,
 * its class loader, one shared instance per extension. Runs in {@code integration-test}, after
 * {@code package}.
 */
class PluginBundleIT {

    private static PluginTestKit kit;

    @BeforeAll
    static void load() {
        String path = System.getProperty("caravan.plugin.bundle");
        assertThat(path).as("system property caravan.plugin.bundle (set by the pom)").isNotBlank();
        kit = PluginTestKit.load(Path.of(path));
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    @Test
    void bundleIsActiveAndItsDescriptorIsValid() {
        assertThat(kit.bundle().getState()).isEqualTo(Bundle.ACTIVE);

        // Read by the platform's own strict reader: a misspelt member fails the load, naming it.
        PluginDescriptor descriptor = kit.descriptor();
        assertThat(descriptor.id()).isEqualTo("${pluginId}");
        assertThat(descriptor.kinds()).containsExactly(PluginKind.TAX);
        assertThat(descriptor.extension(ExtensionPoint.TAX_CALCULATOR).orElseThrow().failurePolicy())
                .isEqualTo(FailurePolicy.FAIL_CLOSED);
        // The platform refuses a bundle whose descriptor version is not its Bundle-Version.
        assertThat(descriptor.version()).isEqualTo(kit.bundle().getVersion().toString());
    }

    @Test
    void calculatorComesFromTheBundleAndQuotes() throws Exception {
        TaxCalculator calculator = kit.extension(TaxCalculator.class);
        // The bundle's own copy of the class, not the one on the test class path.
        assertThat(calculator.getClass().getClassLoader())
                .isSameAs(kit.bundle().adapt(BundleWiring.class).getClassLoader())
                .isNotSameAs(PluginBundleIT.class.getClassLoader());
        assertThat(calculator.getClass().getName()).isEqualTo(FlatRateTaxCalculator.class.getName());
        // One shared instance, as on the platform.
        assertThat(kit.extension(TaxCalculator.class)).isSameAs(calculator);

        TaxQuote quote = calculator.quote(kit.context().configuration("{\"ratePercent\": \"20\"}").build(), cart());
        assertThat(quote.lineTaxes()).hasSize(1);
        assertThat(quote.lineTaxes().get(0).taxAmount()).isEqualTo(Money.ofMinor(1000, "GBP"));
        assertThat(quote.lineTaxes().get(0).ruleId()).isEqualTo(FlatRateTaxCalculator.RULE_ID);
    }

    @Test
    void passesTheUploadDryRun() {
        // The same dry run the platform runs on every upload: the bundle loads in a fresh framework
        // and its health check answers as an unconfigured plugin (DOWN is fine, throwing is not).
        DryRunResult result = PluginTestKit.dryRun(Path.of(System.getProperty("caravan.plugin.bundle")));
        assertThat(result.passed()).as(result.message()).isTrue();
        assertThat(result.health()).isEqualTo(DryRunResult.Health.DOWN);
    }

    @Test
    void healthComesFromTheBundle() {
        PluginHealth health = kit.extension(PluginHealth.class);
        assertThat(health.check(TestPluginContext.withConfiguration("{\"ratePercent\": \"20\"}")).status())
                .isEqualTo(HealthStatus.UP);
        assertThat(health.check(TestPluginContext.withConfiguration("{}")).status()).isEqualTo(HealthStatus.DOWN);
    }

    static Cart cart() {
        LineItem line = LineItem.builder()
                .lineId("l1")
                .sku("TEE-M")
                .title("T-shirt")
                .quantity(2)
                .unitPrice(Money.ofMinor(2500, "GBP"))
                .weightGrams(200)
                .origin(CountryCode.of("PT"))
                .shipFrom(CountryCode.of("GB"))
                .taxCategory(TaxCategory.STANDARD)
                .build();
        return new Cart(
                Currency.getInstance("GBP"),
                PriceDisplay.EXCLUDING_TAX,
                List.of(line),
                Money.ofMinor(0, "GBP"),
                Money.zero(Currency.getInstance("GBP")),
                List.of(),
                List.of(),
                new Address(CountryCode.of("GB"), null, "SW1A 1AA", "London", List.of(), null),
                new Customer("c-1", null, null, null),
                LocalDate.of(2026, 11, 23));
    }
}
