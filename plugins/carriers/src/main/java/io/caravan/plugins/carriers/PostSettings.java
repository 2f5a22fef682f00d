package io.caravan.plugins.carriers;

import io.caravan.plugins.support.ProviderClient;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.plugin.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The store's account at the carrier ({@code /carrier/...} in the configuration): where its API is,
 * the API key and webhook signing secret (both configuration secrets), which carrier product each
 * rate-card service books, and how long one request may take.
 *
 * @param baseUrl       the carrier's API, e.g. {@code http://localhost:8290} (the sandbox carrier)
 * @param apiKey        the account's API key
 * @param webhookSecret the secret the carrier signs tracking webhooks with (absent: webhooks are refused)
 * @param products      rate-card service code → carrier product, for codes the default rule does not fit
 * @param timeout       the longest one request may take (never past the call's deadline)
 */
record PostSettings(
        URI baseUrl, Secret apiKey, Optional<Secret> webhookSecret, Map<String, String> products, Duration timeout) {

    /** The carrier code the platform records for shipments booked here. */
    static final String CARRIER_CODE = "sandbox-post";

    static final String DEFAULT_BASE_URL = "http://localhost:8290";

    /** The settings, or a refusal: without an account nothing can be booked, so nothing was. */
    static PostSettings require(PluginConfiguration configuration) {
        Optional<Secret> apiKey = configuration.secret("/carrier/apiKey");
        if (!configuration.bool("/carrier/enabled").orElse(true) || apiKey.isEmpty()) {
            throw new PluginRejectedException(
                    "carrier_not_configured", "this store has no carrier account configured (carrier.apiKey)");
        }
        String base = configuration.string("/carrier/baseUrl").orElse(DEFAULT_BASE_URL);
        Map<String, String> products = new java.util.TreeMap<>();
        for (PluginConfiguration row : configuration.objects("/carrier/products")) {
            Optional<String> service = row.string("/service");
            Optional<String> product = row.string("/product");
            if (service.isPresent() && product.isPresent()) {
                products.put(service.get(), product.get());
            }
        }
        return new PostSettings(
                URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
                apiKey.get(),
                configuration.secret("/carrier/webhookSecret"),
                Map.copyOf(products),
                Duration.ofMillis(
                        configuration.integer("/carrier/timeoutMillis").orElse(10_000)));
    }

    /**
     * The carrier product a rate-card service books: the configured one, else by the code's last
     * word ({@code -express} → {@code express}, {@code -economy}/{@code -post} → {@code tracked-packet},
     * {@code -registered} → {@code registered}, anything else → {@code parcel}).
     */
    String product(String serviceCode) {
        String configured = products.get(serviceCode);
        if (configured != null) {
            return configured;
        }
        String code = serviceCode.toLowerCase(Locale.ROOT);
        if (code.endsWith("-express") || code.endsWith("-ems")) {
            return "express";
        }
        if (code.endsWith("-economy") || code.endsWith("-post")) {
            return "tracked-packet";
        }
        if (code.endsWith("-registered")) {
            return "registered";
        }
        return "parcel";
    }

    ProviderClient client(PluginContext context) {
        return new ProviderClient(context, baseUrl, apiKey, timeout);
    }
}
