package io.caravan.runtime;

import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.PluginUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The context of the dry run's health check: no store, an empty configuration, and storage and
 * egress that answer {@link PluginUnavailableException} (a dry run must not reach the network or
 * any store's data).
 */
final class DryRunContext implements PluginContext {
    static final String STORE = "dry-run";

    private static final EgressHttp UNAVAILABLE_HTTP = request -> {
        throw new PluginUnavailableException(
                "network egress is not available during the upload dry run", (Duration) null, null);
    };
    private static final PluginStorage UNAVAILABLE_STORAGE =
            new UnavailableStorage("plugin storage is not available during the upload dry run", null);

    private final PluginConfiguration configuration;
    private final Instant deadline;
    private final PluginLogger logger;

    DryRunContext(PluginDescriptor descriptor) {
        this.configuration = JsonPluginConfiguration.parse("{}", descriptor.secretFields());
        this.deadline = Instant.now().plus(ExtensionPoint.HEALTH.defaultDeadline());
        this.logger = new TaggedPluginLogger(
                descriptor.id(), "[dry-run plugin=" + descriptor.id() + "@" + descriptor.version() + "] ");
    }

    @Override
    public String storeSlug() {
        return STORE;
    }

    @Override
    public PluginConfiguration configuration() {
        return configuration;
    }

    @Override
    public PluginStorage storage() {
        return UNAVAILABLE_STORAGE;
    }

    @Override
    public EgressHttp http() {
        return UNAVAILABLE_HTTP;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public PluginLogger logger() {
        return logger;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Locale locale() {
        return Locale.ENGLISH;
    }
}
