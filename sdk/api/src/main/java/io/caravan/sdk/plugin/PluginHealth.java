package io.caravan.sdk.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@link ExtensionPoint#HEALTH}: tells the merchant and the platform whether the
 * plugin can work for a store right now, e.g. that the configured credentials are accepted and the
 * provider answers. Called on the installation page and periodically (at most once a minute per
 * installation), never on a checkout path.
 *
 * <p><b>Deadline:</b> {@link ExtensionPoint#HEALTH}'s default (2 s). <b>Idempotency:</b> must not
 * change anything, here or at the provider. Implementations must be stateless (no per-store
 * fields; the store arrives in the context) and thread-safe.
 */
@ConsumerType
public interface PluginHealth {

    /**
     * Checks the plugin for the context's store.
     *
     * @param context the per-call context
     * @return the report; a failure to reach the provider is a {@link HealthStatus#DOWN} report,
     *         not an exception
     */
    HealthReport check(PluginContext context);
}
