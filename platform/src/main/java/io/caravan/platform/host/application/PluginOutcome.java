package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.FailurePolicy;

/**
 * The result of a plugin call after the failure policy was applied. A {@code FAIL_CLOSED} failure is
 * never an outcome: the invoker throws {@link PluginFailedException} instead. Every outcome names who
 * produced it (the installation, its plugin and version), so every figure built from it can too.
 *
 * @param value          the plugin's answer; null when skipped
 * @param status         whether the plugin answered, or the step was skipped or fell back
 * @param failure        why, when it did not answer
 * @param installationId the store's installation that was called
 * @param pluginId       its plugin
 * @param version        the version it runs
 */
public record PluginOutcome<R>(
        R value, Status status, PluginFailure failure, String installationId, String pluginId, String version) {
    public enum Status {
        /** The plugin answered. */
        ANSWERED,
        /** {@link FailurePolicy#FAIL_OPEN}: the step was skipped and is flagged. */
        SKIPPED,
        /** {@link FailurePolicy#FALLBACK}: the caller's fallback answered. */
        FELL_BACK
    }

    public boolean answered() {
        return status == Status.ANSWERED;
    }
}
