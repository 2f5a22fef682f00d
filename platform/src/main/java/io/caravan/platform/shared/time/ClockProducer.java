package io.caravan.platform.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The platform's clock, injected so time-dependent rules can be tested. It ticks in microseconds,
 * the precision PostgreSQL and H2 keep: an instant an answer shows when something is created is
 * then the same one every later read shows.
 */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
