package io.caravan.platform.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waiting on a condition in tests, never on the clock alone: poll, with a pause between polls,
 * until the condition holds or the time is up. The caller asserts on what it got.
 */
public final class Poll {
    private Poll() {}

    /**
     * Calls {@code attempt} until {@code done} accepts its result or {@code timeout} has passed, and
     * returns the last result, accepted or not.
     */
    public static <T> T until(Callable<T> attempt, Predicate<? super T> done, Duration timeout, Duration pause)
            throws Exception {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (true) {
            T result = attempt.call();
            if (done.test(result) || System.nanoTime() - giveUp > 0) {
                return result;
            }
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        }
    }

    /** True once {@code condition} holds, false when {@code timeout} passed first. */
    public static boolean until(BooleanSupplier condition, Duration timeout, Duration pause)
            throws InterruptedException {
        try {
            return until(condition::getAsBoolean, Boolean::booleanValue, timeout, pause);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
