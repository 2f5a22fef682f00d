package io.caravan.stack.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's clock: the real time plus an offset that tests advance ({@code POST /test/clock})
 * to let authorisations, QR codes and vouchers expire. Webhook signatures use the real time
 * (receivers check them against their own clocks).
 */
public final class SandboxClock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }
}
