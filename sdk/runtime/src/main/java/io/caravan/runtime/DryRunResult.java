package io.caravan.runtime;

import java.util.Objects;

/**
 * How far a {@link DryRun} got, and whether that is enough to publish the bundle.
 *
 * @param resolved whether the bundle installed and resolved against the SDK
 * @param started  whether it started and every extension was created
 * @param health   what its health check said; {@link Health#NOT_CHECKED} when it did not start
 * @param message  what happened, naming the failure (resolver message, exception, health detail)
 */
public record DryRunResult(boolean resolved, boolean started, Health health, String message) {

    /** The answer of the bundle's health check, asked without configuration, storage or network. */
    public enum Health {
        /** The check answered {@code UP}. */
        UP,
        /** The check answered {@code DEGRADED}. */
        DEGRADED,
        /** The check answered {@code DOWN}: expected of a plugin that needs configuration it was not given. */
        DOWN,
        /**
         * The check threw {@link io.caravan.sdk.plugin.PluginUnavailableException} or
         * {@link io.caravan.sdk.plugin.PluginConfigurationException}: it needs storage, the network or
         * configuration, which a dry run does not lend. Accepted, like {@link #DOWN}.
         */
        UNAVAILABLE,
        /** The check threw anything else, returned null or did not answer in time. */
        ERROR,
        /** The descriptor declares no {@code HEALTH} extension. */
        NOT_PROVIDED,
        /** The bundle did not get far enough to be asked. */
        NOT_CHECKED
    }

    /**
     * Checks the components agree.
     *
     * @throws IllegalArgumentException if a bundle started without resolving, or was asked without starting
     */
    public DryRunResult {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(message, "message");
        if (started && !resolved || !started && health != Health.NOT_CHECKED) {
            throw new IllegalArgumentException(
                    "inconsistent dry run result: resolved=" + resolved + " started=" + started + " health=" + health);
        }
    }

    /**
     * Whether the bundle passes the dry run: it resolved, started, created every extension, and its
     * health check (if it has one) answered without failing. The answer itself may be
     * {@code DOWN}: a dry run proves the code loads and answers, not that a store configured it.
     *
     * @return true when the bundle passes
     */
    public boolean passed() {
        return started && health != Health.ERROR;
    }

    /**
     * The bundle did not install or resolve.
     *
     * @param message why
     * @return the result
     */
    public static DryRunResult unresolved(String message) {
        return new DryRunResult(false, false, Health.NOT_CHECKED, message);
    }

    /**
     * The bundle resolved but did not start, or an extension could not be created.
     *
     * @param message why
     * @return the result
     */
    public static DryRunResult notStarted(String message) {
        return new DryRunResult(true, false, Health.NOT_CHECKED, message);
    }

    /**
     * The bundle started; its health check (if any) said {@code health}.
     *
     * @param health  the answer
     * @param message what was asked and answered
     * @return the result
     */
    public static DryRunResult started(Health health, String message) {
        return new DryRunResult(true, true, health, message);
    }
}
