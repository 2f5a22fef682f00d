package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The demo stores' plugin configurations are valid for the very bundles the WAR ships: a typo here
 * would leave `./caravan run` without shipping or payments, and only a warning in the log.
 */
class DemoConfigurationsTest {
    private static final Path BUNDLES = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));
    private final ConfigurationValidator validator = new ConfigurationValidator();

    private static PluginDescriptor descriptor(String jar) throws IOException {
        try (ZipFile zip = new ZipFile(BUNDLES.resolve(jar).toFile())) {
            return PluginDescriptorReader.read(new String(
                    zip.getInputStream(zip.getEntry("OSGI-INF/caravan-plugin.json"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void every_demo_configuration_passes_its_plugins_schema() throws IOException {
        PluginDescriptor tax = descriptor("caravan-plugin-tax.jar");
        PluginDescriptor carriers = descriptor("caravan-plugin-carriers.jar");
        PluginDescriptor payments = descriptor("caravan-plugin-payments.jar");
        DemoInstallations demo = new DemoInstallations();
        demo.gatewayUrl = "http://localhost:8280";
        demo.publicUrl = "http://127.0.0.1:9080/";
        for (String store : DemoInstallations.TAX_CONFIGURATION.keySet()) {
            validator.validate("tax", tax, DemoInstallations.TAX_CONFIGURATION.get(store), Map.of());
            validator.validate("carriers", carriers, DemoInstallations.CARRIERS_CONFIGURATION.get(store), Map.of());
            validator.validate("payments", payments, demo.payments(store, null), Map.of());
            ConfigurationValidator.Validated withUrl =
                    validator.validate("payments", payments, demo.payments(store, "inst-1"), Map.of());
            assertThat(withUrl.publicJson())
                    .contains("http://127.0.0.1:9080/api/stores/" + store + "/payment-notifications/inst-1")
                    .doesNotContain("sk_test_acme_demo");
            assertThat(withUrl.secrets()).containsEntry("/acquirer/apiKey", "sk_test_acme_demo");
        }
    }
}
