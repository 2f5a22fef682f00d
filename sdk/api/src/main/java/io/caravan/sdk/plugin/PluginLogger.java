package io.caravan.sdk.plugin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Logging for plugin code. The platform tags every line with the store, the plugin id and
 * version, and the call, and shows it to the plugin's developer and the platform operators; it
 * may drop lines past a rate limit. Never log secrets, card data or personal data (names, e-mail
 * and street addresses): logs are kept longer and read by more people than orders are.
 */
@ProviderType
public interface PluginLogger {

    /**
     * Whether debug lines are recorded, to skip building expensive messages.
     *
     * @return {@code true} if {@link #debug(String)} records anything
     */
    boolean isDebugEnabled();

    /**
     * Detail for developing and diagnosing the plugin; usually off in production.
     *
     * @param message the line
     */
    void debug(String message);

    /**
     * A normal, noteworthy step.
     *
     * @param message the line
     */
    void info(String message);

    /**
     * Something unexpected the plugin recovered from.
     *
     * @param message the line
     */
    void warn(String message);

    /**
     * Something unexpected the plugin recovered from, with its cause.
     *
     * @param message the line
     * @param cause   the exception
     */
    void warn(String message, Throwable cause);

    /**
     * A failure the plugin could not recover from (it usually throws next).
     *
     * @param message the line
     * @param cause   the exception, or null
     */
    void error(String message, Throwable cause);
}
