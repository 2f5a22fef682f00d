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
 * The demo stores' plugins: the first-party tax, carriers (a rate card per shop) and payments
 * (cards at the sandbox gateway's demo account, bank transfer, cash on delivery) plugins; tax configured as such a shop would
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

    static final String CARRIERS_PLUGIN = "caravan-carriers";
    static final String PAYMENTS_PLUGIN = "caravan-payments";

    /**
     * The demo rate cards: Lisbon ships its own country and the EU by post; the default card's
     * Rotterdam and Shenzhen origins stay for the stock held there. Osaka ships EMS by air.
     */
    static final Map<String, String> CARRIERS_CONFIGURATION = Map.of(
            "lisbon-ceramics", """
                    {"origins":[
                      {"name":"Lisbon workshop","fromCountries":["PT"],"services":[
                        {"code":"pt-post","name":"CTT tracked post","currency":"EUR","rates":[
                          {"zone":"eu","transitDays":{"min":2,"max":5},"freeShippingFrom":8000,
                           "bands":[{"maxWeightGrams":2000,"price":690},{"maxWeightGrams":10000,"price":1290},
                                    {"maxWeightGrams":30000,"price":2490}]}]},
                        {"code":"pt-express","name":"Express courier","currency":"EUR","rates":[
                          {"zone":"eu","transitDays":{"min":1,"max":2},
                           "bands":[{"maxWeightGrams":5000,"price":1490},{"maxWeightGrams":30000,"price":2990}]}]}]},
                      {"name":"Rotterdam EU warehouse","fromCountries":["NL"],"services":[
                        {"code":"eu-standard","name":"Standard, tracked","currency":"EUR","rates":[
                          {"zone":"eu","transitDays":{"min":2,"max":3},"freeShippingFrom":5000,
                           "bands":[{"maxWeightGrams":2000,"price":595},{"maxWeightGrams":10000,"price":995}]}]}]},
                      {"name":"Shenzhen hub","fromCountries":["CN"],"services":[
                        {"code":"cn-air","name":"Air, tracked","currency":"EUR","transport":"AIR","rates":[
                          {"zone":"eu","transitDays":{"min":5,"max":7},
                           "bands":[{"maxWeightGrams":2000,"price":890},{"maxWeightGrams":10000,"price":1890}]}]}]}]}""",
            "osaka-tea", """
                    {"origins":[
                      {"name":"Osaka shop","fromCountries":["JP"],"services":[
                        {"code":"jp-ems","name":"EMS, tracked","currency":"USD","transport":"AIR","rates":[
                          {"zone":"north-america","transitDays":{"min":3,"max":6},"bands":[
                            {"maxWeightGrams":1000,"price":2400},{"maxWeightGrams":5000,"price":4800}]},
                          {"zone":"uk","transitDays":{"min":4,"max":7},"bands":[
                            {"maxWeightGrams":1000,"price":2600},{"maxWeightGrams":5000,"price":5200}]},
                          {"zone":"asia-pacific","transitDays":{"min":2,"max":4},"bands":[
                            {"maxWeightGrams":1000,"price":1400},{"maxWeightGrams":5000,"price":2900}]}]}]},
                      {"name":"Los Angeles warehouse","fromCountries":["US"],"services":[
                        {"code":"us-ground","name":"Ground, tracked","currency":"USD","rates":[
                          {"zone":"north-america","transitDays":{"min":2,"max":5},"freeShippingFrom":5000,
                           "bands":[{"maxWeightGrams":1000,"price":599},{"maxWeightGrams":5000,"price":999}]}]}]}]}""");

    @Inject
    @ConfigProperty(name = "caravan.demo.enabled", defaultValue = "false")
    boolean enabled;

    /** Where the demo stores' payments plugin reaches the sandbox payment gateway. */
    @Inject
    @ConfigProperty(name = "caravan.demo.payment-gateway-url", defaultValue = "http://localhost:8280")
    String gatewayUrl;

    /** This platform's address as a payment provider reaches it (its notifications). */
    @Inject
    @ConfigProperty(name = "caravan.public-url", defaultValue = "http://127.0.0.1:9080")
    String publicUrl;

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
            installOnce(store.get(), CARRIERS_PLUGIN, CARRIERS_CONFIGURATION.get(slug));
            String payments = installOnce(store.get(), PAYMENTS_PLUGIN, payments(slug, null));
            if (payments != null) {
                // the provider is told where to notify this installation (a real one is set in its dashboard)
                installations.configure(store.get(), PAYMENTS_PLUGIN, payments(slug, payments));
            }
        });
    }

    /** Installs a plugin unless the store has it; returns the new installation's id, or null. */
    private String installOnce(StoreContext store, String plugin, String configuration) {
        try {
            if (installations.list(store).stream()
                    .anyMatch(i -> i.installation().pluginId().equals(plugin))) {
                return null;
            }
            String id = installations
                    .install(store, plugin, null, configuration)
                    .installation()
                    .id();
            LOG.info(() -> "Demo store " + store.slug() + ": " + plugin + " installed");
            return id;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Demo store " + store.slug() + ": " + plugin + " not installed: " + e.getMessage());
            return null;
        }
    }

    /**
     * The demo payments configuration: cards at the sandbox gateway's demo account, a bank transfer
     * to the shop's account, cash on delivery where the reference data has it.
     */
    String payments(String slug, String installationId) {
        boolean lisbon = slug.equals("lisbon-ceramics");
        String currency = lisbon ? "EUR" : "USD";
        String notification = installationId == null
                ? ""
                : ",\"notificationUrl\":\"" + publicUrl.replaceAll("/$", "") + "/api/stores/" + slug
                        + "/payment-notifications/" + installationId + "\"";
        return """
                {"cashOnDelivery":{"enabled":true,"currency":"%s","fee":%d,"maximumAmount":%d,"confirmationRequired":true},
                 "bankTransfer":{"enabled":%s,"accountHolder":"%s","iban":"%s","bic":"%s","expiryDays":7,
                                 "currencies":["%s"],"notificationSecret":"bank_demo_%s"},
                 "acquirer":{"enabled":true,"baseUrl":"%s/acme","apiKey":"sk_test_acme_demo",
                             "webhookSecret":"whsec_acme_demo","methods":["card"]%s}}""".formatted(
                        currency,
                        lisbon ? 290 : 300,
                        lisbon ? 30000 : 40000,
                        lisbon,
                        lisbon ? "Lisbon Ceramics Lda" : "Osaka Tea KK",
                        lisbon ? "PT50000201231234567890154" : "GB33BUKB20201555555555",
                        lisbon ? "CGDIPTPL" : "BUKBGB22",
                        currency,
                        slug.replace('-', '_'),
                        gatewayUrl.replaceAll("/$", ""),
                        notification);
    }
}
