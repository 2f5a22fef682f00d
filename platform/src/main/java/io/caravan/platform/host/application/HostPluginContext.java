package io.caravan.platform.host.application;

import io.caravan.runtime.SealedPluginContext;
import io.caravan.runtime.TaggedPluginLogger;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The per-call context the invoker hands a plugin: one store, one call. Its parts are of classes
 * that cannot lead a plugin to the platform's: the host's storage, egress and clock are wrapped by
 * the plugin runtime ({@link SealedPluginContext}), whose class loader (the server's plugin API
 * library) cannot see the web application. This class itself is the platform's, so callers hand
 * plugins {@code SealedPluginContext.of(context)}, never it.
 */
final class HostPluginContext implements PluginContext {
    private final InstalledPlugin installation;
    private final Clock clock;
    private final Instant deadline;
    private final Locale locale;
    private final PluginStorage storage;
    private final EgressHttp http;
    private final PluginLogger logger;

    HostPluginContext(
            InstalledPlugin installation,
            ExtensionPoint point,
            Clock clock,
            Instant deadline,
            Locale locale,
            PluginStorage storage,
            EgressHttp http) {
        this.installation = installation;
        this.clock = SealedPluginContext.clock(clock);
        this.deadline = deadline;
        this.locale = locale;
        this.storage = SealedPluginContext.storage(storage);
        this.http = SealedPluginContext.egress(http);
        this.logger = new TaggedPluginLogger(
                installation.pluginId().value(),
                "[store=" + installation.store().slug() + " plugin=" + installation.pluginId() + "@"
                        + installation.version() + " point=" + point + "] ");
    }

    @Override
    public String storeSlug() {
        return installation.store().slug();
    }

    @Override
    public PluginConfiguration configuration() {
        return SealedPluginContext.configuration(installation.configuration());
    }

    @Override
    public PluginStorage storage() {
        return storage;
    }

    @Override
    public EgressHttp http() {
        return http;
    }

    @Override
    public Clock clock() {
        return clock;
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
        return locale;
    }
}
