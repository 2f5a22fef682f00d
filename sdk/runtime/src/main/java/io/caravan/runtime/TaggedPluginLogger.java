package io.caravan.runtime;

import io.caravan.sdk.plugin.PluginLogger;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A plugin's log lines under {@code caravan.plugin.<id>}, each prefixed with a tag saying whose call it was. */
public final class TaggedPluginLogger implements PluginLogger {
    private final Logger logger;
    private final String tag;

    /**
     * Creates the logger.
     *
     * @param pluginId the plugin's id; lines go to the JUL logger {@code caravan.plugin.<id>}
     * @param tag      e.g. {@code "[store=s plugin=p@1.0.0 point=TAX_CALCULATOR] "}
     */
    public TaggedPluginLogger(String pluginId, String tag) {
        this.logger = Logger.getLogger("caravan.plugin." + pluginId);
        this.tag = tag;
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
