package io.caravan.platform.host.application;

/** A fail-closed plugin call failed: the step cannot complete (answered with 503 and the reason). */
public class PluginFailedException extends RuntimeException {
    private final transient PluginFailure failure;

    public PluginFailedException(PluginFailure failure) {
        super(failure.describe(), null, false, false);
        this.failure = failure;
    }

    public PluginFailure failure() {
        return failure;
    }
}
