package io.caravan.sdk.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point {@link ExtensionPoint#HEALTH}: tells the merchant and the platform whether the
 * plugin can work for a store right now, e.g. that the configured credentials are accepted and the
 * provider answers. Called after the installation changes (install, upgrade, rollback, new
 * configuration, enable), then periodically (every five minutes by default, every minute while
 * {@link HealthStatus#DOWN}), and when the merchant asks — at most once a minute for an
 * installation that has not changed — on one node of the platform at a time, never on a checkout
 * path. The report is shown on the installation; going DOWN is written to the store's audit trail.
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
