package io.caravan.platform.marketplace.application;

import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.tenancy.application.StoreAccess;
import io.caravan.platform.tenancy.application.StoreContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo stores' plugins: both run the first-party tax plugin, configured as such a shop would
 * be (a Portuguese ceramics maker registered for OSS and IOSS; a Japanese tea shop selling in USD,
 * registered for UK VAT, Australian and Singapore GST). Installed once, after the demo stores are
 * onboarded; a merchant's later changes are kept.
 */
@ApplicationScoped
public class DemoInstallations {
    private static final Logger LOG = Logger.getLogger(DemoInstallations.class.getName());
    static final String TAX_PLUGIN = "caravan-tax";
    static final Map<String, String> TAX_CONFIGURATION = Map.of(
            "lisbon-ceramics", """
                    {"originCountry":"PT","dutyTreatment":"DDP",
                     "registrations":{"oss":true,"iossNumber":"IM3720000001","ukVat":true},
                     "fxRates":{"EUR_GBP":0.86,"EUR_USD":1.08,"EUR_NOK":11.6,"EUR_CHF":0.94}}""",
            "osaka-tea", """
                    {"originCountry":"JP","dutyTreatment":"DAP",
                     "registrations":{"ukVat":true,"auGst":true,"sgGst":true},
                     "fxRates":{"USD_GBP":0.79,"USD_AUD":1.52,"USD_SGD":1.34,"USD_EUR":0.93,"USD_JPY":152,"USD_CAD":1.37}}""");

    @Inject
    @ConfigProperty(name = "caravan.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    StoreAccess stores;

    @Inject
    Installations installations;

    void seed(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 20) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (!enabled) {
            return;
        }
        TAX_CONFIGURATION.forEach((slug, configuration) -> {
            Optional<StoreContext> store = stores.asPlatform(slug);
            if (store.isEmpty()) {
                LOG.warning("Demo store " + slug + " is not onboarded; its tax plugin is installed on a later start");
                return;
            }
            try {
                if (installations.list(store.get()).stream()
                        .noneMatch(i -> i.installation().pluginId().equals(TAX_PLUGIN))) {
                    installations.install(store.get(), TAX_PLUGIN, null, configuration);
                    LOG.info(() -> "Demo store " + slug + ": tax plugin installed");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Demo store " + slug + ": tax plugin not installed: " + e.getMessage());
            }
        });
    }
}
