package io.caravan.platform.commerce.bench;

import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The context of a hard-wired call, for the baseline: what the carriers and tax plugins need from a
 * call (the store, its configuration, a clock, a deadline, the shopper's locale), built per call as
 * the host builds its own, without the host's logger tag, storage or egress (neither plugin uses
 * them). The same as {@code host.bench.DirectContext}, which is package-private there.
 */
record QuoteContext(String storeSlug, PluginConfiguration configuration, Clock clock, Instant deadline, Locale locale)
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
        throw new UnsupportedOperationException("no storage in a hard-wired call");
    }

    @Override
    public EgressHttp http() {
        throw new UnsupportedOperationException("no egress in a hard-wired call");
    }

    @Override
    public PluginLogger logger() {
        return SILENT;
    }
}
