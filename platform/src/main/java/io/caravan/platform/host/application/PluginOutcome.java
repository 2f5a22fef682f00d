package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.FailurePolicy;

/**
 * The result of a plugin call after the failure policy was applied. A {@code FAIL_CLOSED} failure is
 * never an outcome: the invoker throws {@link PluginFailedException} instead.
 *
 * @param value   the plugin's answer; null when skipped
 * @param status  whether the plugin answered, or the step was skipped or fell back
 * @param failure why, when it did not answer
 */
public record PluginOutcome<R>(R value, Status status, PluginFailure failure, String pluginId, String version) {
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
