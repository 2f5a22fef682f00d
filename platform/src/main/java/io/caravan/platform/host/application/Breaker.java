package io.caravan.platform.host.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker of one (store, installation), on the invoker's clock (so its open period can
 * be tested without waiting for it). Closed, it remembers the outcomes of the last {@code window}
 * calls and opens when {@code failures} of them failed; open, it refuses calls for
 * {@code openFor}; then it lets one trial call through (half-open): the trial's success closes it
 * with a fresh window, its failure opens it again for another {@code openFor}. Refusals by the
 * plugin are successes; the invoker decides what is a failure.
 *
 * <p>Failsafe's breaker (which the invoker used before) keeps the same rules but measures its open
 * period with {@link System#nanoTime()}, which a test cannot move.
 */
final class Breaker {
    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failures;
    private final Duration openFor;
    private final Clock clock;
    /** The last outcomes, a ring: true for a failure. */
    private final boolean[] outcomes;

    private int next;
    private int recorded;
    private int failed;
    private State state = State.CLOSED;
    private Instant openedAt;
    private boolean trialInFlight;

    Breaker(int failures, int window, Duration openFor, Clock clock) {
        if (failures <= 0 || window < failures) {
            throw new IllegalArgumentException(
                    "a breaker needs 0 < failures (" + failures + ") <= window (" + window + ")");
        }
        this.failures = failures;
        this.openFor = openFor;
        this.clock = clock;
        this.outcomes = new boolean[window];
    }

    /**
     * Whether a call may start now. Half-open, only one trial at a time is let through; a caller
     * that was let through and then did not run the call gives the trial back with
     * {@link #releasePermit()}.
     */
    synchronized boolean tryAcquirePermit() {
        switch (state) {
            case CLOSED -> {
                return true;
            }
            case OPEN -> {
                if (clock.instant().isBefore(openedAt.plus(openFor))) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            }
            default -> {
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
            }
        }
    }

    /** A call let through did not run (no outcome to record): a half-open breaker may try again. */
    synchronized void releasePermit() {
        if (state == State.HALF_OPEN) {
            trialInFlight = false;
        }
    }

    synchronized void recordSuccess() {
        switch (state) {
            case CLOSED -> remember(false);
            case HALF_OPEN -> close();
            default -> {
                // a call let through before the breaker opened: it does not shorten the open period
            }
        }
    }

    synchronized void recordFailure() {
        switch (state) {
            case CLOSED -> {
                remember(true);
                if (failed >= failures) {
                    open();
                }
            }
            case HALF_OPEN -> open();
            default -> {
                // already open
            }
        }
    }

    synchronized State state() {
        return state;
    }

    private void remember(boolean failure) {
        if (recorded == outcomes.length) {
            if (outcomes[next]) {
                failed--;
            }
        } else {
            recorded++;
        }
        outcomes[next] = failure;
        if (failure) {
            failed++;
        }
        next = (next + 1) % outcomes.length;
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.instant();
        trialInFlight = false;
    }

    private void close() {
        state = State.CLOSED;
        trialInFlight = false;
        next = 0;
        recorded = 0;
        failed = 0;
        java.util.Arrays.fill(outcomes, false);
    }
}
