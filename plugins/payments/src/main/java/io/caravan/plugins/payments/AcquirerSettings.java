package io.caravan.plugins.payments;

import io.caravan.plugins.support.ProviderClient;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The store's acquirer settings ({@code /acquirer/...} in the configuration): where its API is,
 * the account's API key and webhook signing secret (both configuration secrets), which methods
 * the store offers through it, whether payments are captured at once, where the acquirer should
 * send its webhooks, and how long one request may take.
 *
 * @param baseUrl the acquirer's API, e.g. {@code http://localhost:8280/acme}
 * @param apiKey the account's secret API key
 * @param webhookSecret the secret the acquirer signs webhooks with (absent: webhooks are refused)
 * @param methods the method codes offered through the acquirer
 * @param captureAtOnce whether payments are captured with the authorisation
 * @param notificationUrl the platform's notification endpoint for this installation, sent with each
 *     payment (absent: the acquirer account's own webhook setting applies)
 * @param timeout the longest one request may take (never past the call's deadline)
 * @param sessions whether card details are collected by the acquirer's client component, which
 *     needs a session opened first (the card method then declares {@code CLIENT_SESSION})
 */
record AcquirerSettings(
        URI baseUrl,
        Secret apiKey,
        Optional<Secret> webhookSecret,
        List<String> methods,
        boolean captureAtOnce,
        Optional<URI> notificationUrl,
        Duration timeout,
        boolean sessions) {

    static final String DEFAULT_BASE_URL = "http://localhost:8280/acme";
    static final List<String> DEFAULT_METHODS = List.of("card", "gcash", "grabpay", "oxxo");

    /** A client of the acquirer's API for one call. */
    ProviderClient client(PluginContext context) {
        return new ProviderClient(context, baseUrl, apiKey, timeout);
    }

    /** The settings, or empty when the store has not enabled the acquirer or gave it no API key. */
    static Optional<AcquirerSettings> of(PluginConfiguration configuration) {
        if (!configuration.bool("/acquirer/enabled").orElse(true)) {
            return Optional.empty();
        }
        Optional<Secret> apiKey = configuration.secret("/acquirer/apiKey");
        if (apiKey.isEmpty()) {
            return Optional.empty();
        }
        String base = configuration.string("/acquirer/baseUrl").orElse(DEFAULT_BASE_URL);
        List<String> methods =
                configuration.has("/acquirer/methods") ? configuration.strings("/acquirer/methods") : DEFAULT_METHODS;
        return Optional.of(new AcquirerSettings(
                URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
                apiKey.get(),
                configuration.secret("/acquirer/webhookSecret"),
                methods,
                "auto".equals(configuration.string("/acquirer/capture").orElse("manual")),
                configuration.string("/acquirer/notificationUrl").map(URI::create),
                Duration.ofMillis(
                        configuration.integer("/acquirer/timeoutMillis").orElse(10_000)),
                configuration.bool("/acquirer/sessions").orElse(false)));
    }
}
