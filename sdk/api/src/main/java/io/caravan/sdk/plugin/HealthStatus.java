package io.caravan.sdk.plugin;

/**
 * The outcome of a {@link PluginHealth} check.
 */
public enum HealthStatus {
    /** Works for this store. */
    UP,
    /** Works, but not fully (a fallback in use, a slow provider, credentials about to expire). */
    DEGRADED,
    /** Does not work for this store (credentials refused, provider unreachable). */
    DOWN
}
