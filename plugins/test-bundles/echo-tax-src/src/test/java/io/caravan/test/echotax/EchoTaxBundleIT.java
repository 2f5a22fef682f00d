package io.caravan.test.echotax;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.caravan.sdk.plugin.Permissions;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginHealth;
import io.caravan.sdk.plugin.PluginKind;
import io.caravan.sdk.tax.CollectedAt;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxLine;
import io.caravan.sdk.tax.TaxQuote;
import io.caravan.testkit.PluginTestKit;
import io.caravan.testkit.TestPluginContext;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The built echo-tax bundle (one module per bundle version, same source) loaded through the test
 * kit. The expected symbolic name and version come from the module's pom (failsafe system
 * properties), so this one test serves both versions.
 */
class EchoTaxBundleIT {

    private static PluginTestKit kit;

    static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property " + name + " (set by the pom)").isNotBlank();
        return value;
    }

    static String version() {
        return property("caravan.bundle.version");
    }

    @BeforeAll
    static void load() {
        kit = PluginTestKit.load(Path.of(property("caravan.plugin.bundle")));
    }

    @AfterAll
    static void close() {
        kit.close();
    }

    static LineItem line(String id, long unitMinor, int quantity, String ccy) {
        return LineItem.builder().lineId(id).sku("sku-" + id).title("Item " + id).quantity(quantity).unitPrice(Money.ofMinor(unitMinor, ccy)).weightGrams(100).hsCode(null).origin(CountryCode.of("DE")).shipFrom(CountryCode.of("DE")).taxCategory(TaxCategory.STANDARD).build();
    }

    static Cart cart(String ccy, String dest, long shippingMinor, LineItem... lines) {
        return new Cart(
                Currency.getInstance(ccy),
                PriceDisplay.EXCLUDING_TAX,
                List.of(lines),
                Money.ofMinor(shippingMinor, ccy),
                Money.zero(Currency.getInstance(ccy)),
                List.of(),
                List.of(),
                new Address(CountryCode.of(dest), null, null, "City", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse("2026-11-23"));
    }

    @Test
    void manifestAndDescriptorCarryTheModulesVersion() {
        Bundle b = kit.bundle();
        assertThat(b.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(b.getSymbolicName()).isEqualTo("io.caravan.test.echotax").isEqualTo(property("caravan.bundle.symbolicName"));
        assertThat(b.getVersion().toString()).isEqualTo(version());
        assertThat(importedPackages(b.getHeaders().get("Import-Package"))).isNotEmpty()
                .allMatch(p -> p.startsWith("io.caravan.sdk."));
        assertThat(b.getHeaders().get("Export-Package")).isNull();
        PluginDescriptor d = kit.descriptor();
        assertThat(d.id()).isEqualTo("test-echo-tax");
        assertThat(d.version()).isEqualTo(version());
        assertThat(kit.location()).isEqualTo("caravan:io.caravan.test.echotax@" + version());
    }

    @Test
    void descriptorPassesTheSdksValidation() {
        PluginDescriptor d = kit.descriptor();
        assertThat(d.kinds()).containsExactly(PluginKind.TAX);
        assertThat(d.extension(ExtensionPoint.TAX_CALCULATOR)).get().extracting(Extension::failurePolicy)
                .isEqualTo(FailurePolicy.FAIL_CLOSED);
        assertThat(d.extension(ExtensionPoint.HEALTH)).isPresent();
        // the storage and egress probes of the host tests need one declared host
        assertThat(d.permissions()).isEqualTo(new Permissions(java.util.Set.of("localhost"), java.util.Set.of(),
                java.util.Set.of()));
    }

    @Test
    void tenPercentOfEveryLineRoundedHalfEvenRuleIdNamesTheVersion() {
        TaxCalculator calc = kit.extension(TaxCalculator.class);
        assertThat(calc.getClass().getClassLoader()).isSameAs(kit.bundle().adapt(BundleWiring.class).getClassLoader());
        // 0.25 × 3 = 0.75 → tax 7.5 cents → 8 (HALF_EVEN); 0.45 → 4.5 → 4; 100.00 → 10.00
        TaxQuote q = calc.quote(TestPluginContext.withConfiguration("{}"),
                cart("EUR", "FR", 499, line("a", 25, 3, "EUR"), line("b", 45, 1, "EUR"), line("c", 10000, 1, "EUR")));
        assertThat(q.lineTaxes()).extracting(TaxLine::lineRef).containsExactly("a", "b", "c");
        assertThat(q.lineTaxes()).extracting(TaxLine::taxAmount)
                .containsExactly(Money.ofMinor(8, "EUR"), Money.ofMinor(4, "EUR"), Money.ofMinor(1000, "EUR"));
        assertThat(q.lineTaxes()).extracting(TaxLine::taxableAmount)
                .containsExactly(Money.ofMinor(75, "EUR"), Money.ofMinor(45, "EUR"), Money.ofMinor(10000, "EUR"));
        for (TaxLine t : q.lineTaxes()) {
            assertThat(t.rate()).isEqualByComparingTo(new BigDecimal("0.10"));
            assertThat(t.jurisdiction()).isEqualTo("FR");
            assertThat(t.ruleId()).isEqualTo("echo-" + version());
            assertThat(t.collectedAt()).isEqualTo(CollectedAt.CHECKOUT);
        }
        assertThat(q.shippingTaxes()).isEmpty();
        assertThat(q.duties()).isEmpty();
        assertThat(q.totalTax()).isEqualTo(Money.ofMinor(1012, "EUR"));
        // deterministic
        assertThat(calc.quote(TestPluginContext.withConfiguration("{}"),
                cart("EUR", "FR", 499, line("a", 25, 3, "EUR"), line("b", 45, 1, "EUR"), line("c", 10000, 1, "EUR"))))
                .isEqualTo(q);
    }

    @Test
    void labelIsAppendedToEveryExplanation() {
        TaxQuote q = kit.extension(TaxCalculator.class).quote(TestPluginContext.withConfiguration("""
                {"label": "store-7"}"""), cart("JPY", "JP", 0, line("a", 1000, 2, "JPY")));
        TaxLine t = q.lineTaxes().get(0);
        assertThat(t.taxAmount()).isEqualTo(Money.ofMinor(200, "JPY"));
        assertThat(t.explanation()).endsWith(" store-7");
        assertThat(t.jurisdiction()).isEqualTo("JP");
    }

    @Test
    void healthIsUp() {
        assertThat(kit.extension(PluginHealth.class).check(TestPluginContext.withConfiguration("{}")).status())
                .isEqualTo(HealthStatus.UP);
    }

    /** The package names of an Import-Package header (quoted attribute values may hold commas). */
    static List<String> importedPackages(String header) {
        return java.util.Arrays.stream(header.replaceAll("\"[^\"]*\"", "").split(","))
                .map(clause -> clause.split(";")[0].trim())
                .toList();
    }
}
