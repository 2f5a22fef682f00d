package io.caravan.platform.events.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code base · 2ⁿ⁻¹} for the n-th failed attempt
 * (with the default 10 s: 10, 20, 40, 80, 160 s — Saleor's schedule), until {@code maxAttempts}
 * attempts have failed; then the delivery is dead. The default 6 attempts are the first try and
 * five retries.
 *
 * @param base        the wait after the first failed attempt
 * @param maxAttempts attempts in all, the first included (at least 1)
 */
public record RetryPolicy(Duration base, int maxAttempts) {
    /** The default: 10 s, doubling, the first try and 5 retries. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(10), 6);

    /** Doubling stops growing here; the wait never overflows whatever the attempt count. */
    private static final int MAX_DOUBLINGS = 20;

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("caravan.events.retry-base must be a positive duration, not " + base);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("caravan.events.max-attempts must be at least 1, not " + maxAttempts);
        }
    }

    /**
     * How long to wait after the {@code failedAttempts}-th failed attempt; empty when that was the
     * last one allowed.
     */
    public Optional<Duration> waitAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(failedAttempts - 1, MAX_DOUBLINGS);
        return Optional.of(base.multipliedBy(1L << doublings));
    }
}
