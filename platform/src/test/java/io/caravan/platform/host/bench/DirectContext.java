package io.caravan.platform.host.bench;

import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The context of a direct call, for the baselines: what a plugin minimally needs from a call (the
 * store, its configuration, a clock, a deadline), built per call like the host's own context but
 * without its logger tag, storage or egress (the echo and tax plugins use neither).
 */
record DirectContext(String storeSlug, PluginConfiguration configuration, Clock clock, Instant deadline)
        implements PluginContext {
    private static final PluginLogger SILENT = new PluginLogger() {
        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void warn(String message, Throwable cause) {}

        @Override
        public void error(String message, Throwable cause) {}
    };

    @Override
    public PluginStorage storage() {
        throw new UnsupportedOperationException("no storage in a direct call");
    }

    @Override
    public EgressHttp http() {
        throw new UnsupportedOperationException("no egress in a direct call");
    }

    @Override
    public PluginLogger logger() {
        return SILENT;
    }

    @Override
    public Locale locale() {
        return Locale.ROOT;
    }
}
