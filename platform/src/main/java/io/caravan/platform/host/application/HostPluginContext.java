package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginLogger;
import io.caravan.sdk.plugin.PluginStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The per-call context the invoker hands a plugin: one store, one call. */
final class HostPluginContext implements PluginContext {
    private final InstalledPlugin installation;
    private final Clock clock;
    private final Instant deadline;
    private final Locale locale;
    private final PluginStorage storage;
    private final EgressHttp http;
    private final PluginLogger logger;

    HostPluginContext(InstalledPlugin installation, ExtensionPoint point, Clock clock, Instant deadline, Locale locale,
            PluginStorage storage, EgressHttp http) {
        this.installation = installation;
        this.clock = clock;
        this.deadline = deadline;
        this.locale = locale;
        this.storage = storage;
        this.http = http;
        this.logger = new StoreTaggedLogger(installation, point);
    }

    @Override
    public String storeId() {
        return installation.storeSlug();
    }

    @Override
    public PluginConfiguration configuration() {
        return installation.configuration();
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

    /** Lines under {@code caravan.plugin.<id>}, each tagged with store, version and point. */
    private static final class StoreTaggedLogger implements PluginLogger {
        private final Logger logger;
        private final String tag;

        StoreTaggedLogger(InstalledPlugin installation, ExtensionPoint point) {
            this.logger = Logger.getLogger("caravan.plugin." + installation.pluginId());
            this.tag = "[store=" + installation.storeSlug() + " plugin=" + installation.pluginId() + "@"
                    + installation.version() + " point=" + point + "] ";
        }

        @Override
        public boolean isDebugEnabled() {
            return logger.isLoggable(Level.FINE);
        }

        @Override
        public void debug(String message) {
            logger.fine(() -> tag + message);
        }

        @Override
        public void info(String message) {
            logger.info(() -> tag + message);
        }

        @Override
        public void warn(String message) {
            logger.warning(() -> tag + message);
        }

        @Override
        public void warn(String message, Throwable cause) {
            logger.log(Level.WARNING, tag + message, cause);
        }

        @Override
        public void error(String message, Throwable cause) {
            logger.log(Level.SEVERE, tag + message, cause);
        }
    }
}
