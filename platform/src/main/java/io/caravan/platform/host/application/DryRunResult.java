package io.caravan.platform.host.application;

import java.util.Objects;

/**
 * How far a {@link BundleDryRun} got.
 *
 * @param resolved whether the bundle installed and resolved against the SDK
 * @param started  whether it started and every extension was created
 * @param health   what its health check said; {@link Health#NOT_CHECKED} when it did not start
 * @param message  what happened, naming the failure (resolver message, exception, health detail)
 */
public record DryRunResult(boolean resolved, boolean started, Health health, String message) {

    /** The answer of the bundle's health check. */
    public enum Health {
        /** The check answered {@code UP}. */
        UP,
        /** The check answered {@code DEGRADED}. */
        DEGRADED,
        /** The check answered {@code DOWN}. */
        DOWN,
        /** The check threw, returned null or did not answer in time. */
        ERROR,
        /** The descriptor declares no {@code HEALTH} extension. */
        NOT_PROVIDED,
        /** The bundle did not get far enough to be asked. */
        NOT_CHECKED
    }

    public DryRunResult {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(message, "message");
        if (started && !resolved || !started && health != Health.NOT_CHECKED) {
            throw new IllegalArgumentException("inconsistent dry run result: resolved=" + resolved + " started=" + started
                    + " health=" + health);
        }
    }

    /** The bundle did not install or resolve. */
    public static DryRunResult unresolved(String message) {
        return new DryRunResult(false, false, Health.NOT_CHECKED, message);
    }

    /** The bundle resolved but did not start, or an extension could not be created. */
    public static DryRunResult notStarted(String message) {
        return new DryRunResult(true, false, Health.NOT_CHECKED, message);
    }

    /** The bundle started; its health check (if any) said {@code health}. */
    public static DryRunResult started(Health health, String message) {
        return new DryRunResult(true, true, health, message);
    }
}
