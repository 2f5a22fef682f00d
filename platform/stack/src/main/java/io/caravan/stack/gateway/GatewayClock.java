package io.caravan.stack.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's clock: the real time plus an offset that tests advance ({@code POST /test/clock})
 * to let authorisations, QR codes and vouchers expire. Webhook signatures use the real time
 * (receivers check them against their own clocks).
 */
final class GatewayClock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    Instant now() {
        return Instant.now().plus(offset.get());
    }

    void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    void reset() {
        offset.set(Duration.ZERO);
    }

    Duration offset() {
        return offset.get();
    }
}
