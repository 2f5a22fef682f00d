package io.caravan.platform.host.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The invoker's bookkeeping, without calls: settings, usage counts, metrics and quarantine. */
class HostBookkeepingTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    // --- InvokerSettings -------------------------------------------------------------------

    @Test
    void defaultsUseEachPointsOwnDeadline() {
        InvokerSettings settings = InvokerSettings.defaults();

        for (ExtensionPoint point : ExtensionPoint.values()) {
            assertThat(settings.deadline(point)).isEqualTo(point.defaultDeadline());
        }
        assertThat(settings.maxConcurrentCalls()).isEqualTo(8);
        assertThat(settings.breakerWindow()).isEqualTo(10);
        InvokerSettings changed = settings.withDeadline(ExtensionPoint.TAX_CALCULATOR, Duration.ofMillis(7));
        assertThat(changed.deadline(ExtensionPoint.TAX_CALCULATOR)).isEqualTo(Duration.ofMillis(7));
        assertThat(changed.maxThreads()).isEqualTo(256);
        assertThat(changed.quarantineFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.deadline(ExtensionPoint.TAX_CALCULATOR))
                .isEqualTo(ExtensionPoint.TAX_CALCULATOR.defaultDeadline());
    }

    @Test
    void limitsMustBePositiveAndTheWindowHoldTheThreshold() {
        InvokerSettings d = InvokerSettings.defaults();
        assertThatThrownBy(() -> d.withDeadline(ExtensionPoint.TAX_CALCULATOR, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deadline of TAX_CALCULATOR must be positive, not PT0S");
        assertThatThrownBy(() -> d.withDeadline(ExtensionPoint.TAX_CALCULATOR, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(0, 5, 10, 3, 1)).hasMessage("max concurrent calls must be positive, not 0");
        assertThatThrownBy(() -> settings(1, 0, 10, 3, 1)).hasMessage("breaker failures must be positive, not 0");
        assertThatThrownBy(() -> settings(1, 5, 4, 3, 1))
                .hasMessage("breaker window (4) must be at least the failure threshold (5)");
        assertThat(settings(1, 5, 5, 1, 1).breakerWindow()).isEqualTo(5);
        assertThatThrownBy(() -> settings(1, 5, 10, 0, 1)).hasMessage("quarantine stores must be positive, not 0");
        assertThatThrownBy(() -> settings(1, 5, 10, 3, 0)).hasMessage("max threads must be positive, not 0");
    }

    // --- UsageMeter ------------------------------------------------------------------------

    @Test
    void usageIsCountedPerStoreAndPluginAndDrainedOnce() {
        UsageMeter meter = new UsageMeter();
        InstalledPlugin a = installed("store-a");
        InstalledPlugin b = installed("store-b");
        meter.record(a);
        meter.record(a);
        meter.record(b);

        assertThat(meter.drain())
                .containsExactlyInAnyOrder(
                        new UsageMeter.Usage("id-store-a", "test-inline", 2),
                        new UsageMeter.Usage("id-store-b", "test-inline", 1));
        assertThat(meter.drain())
                .as("drained counts are reset, and zero counts not reported")
                .isEmpty();

        meter.giveBack(new UsageMeter.Usage("id-store-a", "test-inline", 5));
        meter.record(a);
        assertThat(meter.drain()).containsExactly(new UsageMeter.Usage("id-store-a", "test-inline", 6));
    }

    // --- InvocationMetrics -----------------------------------------------------------------

    @Test
    void outcomesAreCountedPerStoreAndAggregatedPerPlugin() {
        InvocationMetrics metrics = new InvocationMetrics();
        InstalledPlugin a = installed("store-a");
        InstalledPlugin b = installed("store-b");
        metrics.answered(a, ExtensionPoint.TAX_CALCULATOR, 3_000);
        metrics.refused(a, ExtensionPoint.TAX_CALCULATOR, 5_000);
        metrics.failed(a, ExtensionPoint.TAX_CALCULATOR, FailureKind.TIMEOUT, 9_000);
        metrics.failed(b, ExtensionPoint.TAX_CALCULATOR, FailureKind.CIRCUIT_OPEN, -1);
        metrics.answered(b, ExtensionPoint.HEALTH, 1_000);

        List<MetricsSnapshot> storeA = metrics.forStore("store-a");
        assertThat(storeA).hasSize(1);
        MetricsSnapshot s = storeA.getFirst();
        assertThat(s.storeSlug()).isEqualTo("store-a");
        assertThat(s.pluginId()).isEqualTo("test-inline");
        assertThat(s.point()).isEqualTo(ExtensionPoint.TAX_CALCULATOR);
        assertThat(s.calls()).isEqualTo(3);
        assertThat(s.answered()).isEqualTo(1);
        assertThat(s.refused()).isEqualTo(1);
        assertThat(s.failures()).containsExactly(Map.entry(FailureKind.TIMEOUT, 1L));
        assertThat(s.failed()).isEqualTo(1);
        // 3 µs, 5 µs, 9 µs: buckets [2,4), [4,8), [8,16) → p50 below 8, p99 below 16; mean 17/3 µs
        assertThat(s.p50Micros()).isEqualTo(8);
        assertThat(s.p99Micros()).isEqualTo(16);
        assertThat(s.meanMicros()).isEqualTo(5);

        List<MetricsSnapshot> perPlugin = metrics.perPlugin();
        assertThat(perPlugin)
                .extracting(MetricsSnapshot::point)
                .containsExactly(ExtensionPoint.TAX_CALCULATOR, ExtensionPoint.HEALTH);
        MetricsSnapshot tax = perPlugin.getFirst();
        assertThat(tax.storeSlug()).isNull();
        assertThat(tax.calls()).isEqualTo(4);
        assertThat(tax.failures())
                .containsOnly(Map.entry(FailureKind.TIMEOUT, 1L), Map.entry(FailureKind.CIRCUIT_OPEN, 1L));
        assertThat(tax.meanMicros())
                .as("the call that never ran has no latency")
                .isEqualTo(5);
        assertThat(metrics.forStore("store-c")).isEmpty();
    }

    @Test
    void latencyBucketsArePowersOfTwoFromOneMicrosecondUpToTheLast() {
        InvocationMetrics metrics = new InvocationMetrics();
        InstalledPlugin a = installed("store-a");
        metrics.answered(a, ExtensionPoint.TAX_CALCULATOR, 10);
        assertThat(metrics.forStore("store-a").getFirst().p50Micros())
                .as("below 1 µs counts as 1 µs")
                .isEqualTo(2);

        InvocationMetrics slow = new InvocationMetrics();
        slow.answered(a, ExtensionPoint.TAX_CALCULATOR, Duration.ofHours(1).toNanos());
        assertThat(slow.forStore("store-a").getFirst().p99Micros()).isEqualTo(1L << InvocationMetrics.BUCKETS);

        InvocationMetrics exact = new InvocationMetrics();
        exact.answered(a, ExtensionPoint.TAX_CALCULATOR, 4_000);
        exact.answered(a, ExtensionPoint.TAX_CALCULATOR, 4_000);
        exact.answered(a, ExtensionPoint.TAX_CALCULATOR, 1_000_000);
        MetricsSnapshot s = exact.forStore("store-a").getFirst();
        assertThat(s.p50Micros()).isEqualTo(8);
        assertThat(s.p99Micros()).as("1,000 µs lies in [512, 1024)").isEqualTo(1024);
        assertThat(s.meanMicros()).isEqualTo(336);
    }

    @Test
    void aSeriesWithoutTimedCallsHasNoLatency() {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.failed(installed("store-a"), ExtensionPoint.TAX_CALCULATOR, FailureKind.BULKHEAD_FULL, -1);

        MetricsSnapshot s = metrics.forStore("store-a").getFirst();
        assertThat(s.calls()).isEqualTo(1);
        assertThat(s.p50Micros()).isZero();
        assertThat(s.p99Micros()).isZero();
        assertThat(s.meanMicros()).isZero();
        metrics.failed(installed("store-a"), ExtensionPoint.TAX_CALCULATOR, FailureKind.ERROR, 0);
        assertThat(metrics.forStore("store-a").getFirst().p50Micros())
                .as("0 ns is timed")
                .isEqualTo(2);
    }

    // --- Quarantine ------------------------------------------------------------------------

    @Test
    void timeoutsForEnoughDistinctStoresWithinTheWindowQuarantineAVersion() {
        MutableClock clock = new MutableClock(T0);
        Quarantine quarantine = new Quarantine(3, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);
        ReleaseId release = new ReleaseId("r-1");

        assertThat(quarantine.recordTimeout(release, "echo 1.0.0", "a")).isFalse();
        assertThat(quarantine.recordTimeout(release, "echo 1.0.0", "a"))
                .as("the same store again")
                .isFalse();
        assertThat(quarantine.recordTimeout(release, "echo 1.0.0", "b")).isFalse();
        assertThat(quarantine.quarantinedUntil(release)).isEmpty();
        assertThat(quarantine.recordTimeout(release, "echo 1.0.0", "c")).isTrue();

        assertThat(quarantine.quarantinedUntil(release)).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(quarantine.inForce()).containsExactly(Map.entry(release, T0.plus(Duration.ofMinutes(5))));
        assertThat(quarantine.recordTimeout(release, "echo 1.0.0", "d"))
                .as("already quarantined")
                .isFalse();
        assertThat(quarantine.quarantinedUntil(new ReleaseId("r-2"))).isEmpty();

        clock.now = T0.plus(Duration.ofMinutes(5));
        assertThat(quarantine.quarantinedUntil(release)).as("ends by itself").isEmpty();
        assertThat(quarantine.inForce()).isEmpty();
        assertThat(quarantine.recordTimeout(release, "echo 1.0.0", "a"))
                .as("the stores counted before the quarantine are forgotten")
                .isFalse();
    }

    @Test
    void timeoutsOlderThanTheWindowDoNotCount() {
        MutableClock clock = new MutableClock(T0);
        Quarantine quarantine = new Quarantine(2, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);
        ReleaseId release = new ReleaseId("r-1");
        quarantine.recordTimeout(release, "echo", "a");

        clock.now = T0.plusSeconds(61);
        assertThat(quarantine.recordTimeout(release, "echo", "b")).isFalse();
        clock.now = T0.plusSeconds(62);
        assertThat(quarantine.recordTimeout(release, "echo", "c")).isTrue();

        MutableClock edge = new MutableClock(T0);
        Quarantine atEdge = new Quarantine(2, Duration.ofMinutes(1), Duration.ofMinutes(5), edge);
        atEdge.recordTimeout(release, "echo", "a");
        edge.now = T0.plusSeconds(60);
        assertThat(atEdge.recordTimeout(release, "echo", "b"))
                .as("exactly one window later still counts")
                .isTrue();
    }

    @Test
    void anOperatorLiftsAQuarantine() {
        MutableClock clock = new MutableClock(T0);
        Quarantine quarantine = new Quarantine(1, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);
        ReleaseId release = new ReleaseId("r-1");
        assertThat(quarantine.lift(release)).isFalse();
        assertThat(quarantine.recordTimeout(release, "echo", "a")).isTrue();

        assertThat(quarantine.lift(release)).isTrue();
        assertThat(quarantine.quarantinedUntil(release)).isEmpty();
        assertThat(quarantine.lift(release)).as("nothing left in force").isFalse();
        assertThat(quarantine.recordTimeout(release, "echo", "a")).isTrue();
        clock.now = T0.plus(Duration.ofMinutes(6));
        assertThat(quarantine.lift(release)).as("expired").isFalse();
    }

    @Test
    void aQuarantineStartsTheCountAfreshEvenWhenItIsShorterThanTheWindow() {
        MutableClock clock = new MutableClock(T0);
        Quarantine quarantine = new Quarantine(2, Duration.ofMinutes(10), Duration.ofMinutes(1), clock);
        ReleaseId release = new ReleaseId("r-1");
        quarantine.recordTimeout(release, "echo", "a");
        assertThat(quarantine.recordTimeout(release, "echo", "b")).isTrue();

        clock.now = T0.plus(Duration.ofMinutes(2));
        assertThat(quarantine.recordTimeout(release, "echo", "c"))
                .as("a and b were counted into the quarantine that ended")
                .isFalse();
    }

    @Test
    void liftingForgetsTheTimeoutsCountedSoFar() {
        MutableClock clock = new MutableClock(T0);
        Quarantine quarantine = new Quarantine(2, Duration.ofMinutes(10), Duration.ofMinutes(5), clock);
        ReleaseId release = new ReleaseId("r-1");
        quarantine.recordTimeout(release, "echo", "a");

        assertThat(quarantine.lift(release)).as("nothing was in force").isFalse();
        assertThat(quarantine.recordTimeout(release, "echo", "b")).isFalse();
    }

    private static InvokerSettings settings(int concurrent, int failures, int window, int stores, int threads) {
        return new InvokerSettings(
                Map.of(),
                concurrent,
                failures,
                window,
                Duration.ofSeconds(30),
                stores,
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                threads,
                Duration.ZERO);
    }

    static InstalledPlugin installed(String store) {
        PluginArtifact artifact = new PluginArtifact(
                new ReleaseId("r-1"), "io.caravan.test.inline", "0".repeat(64), PluginDescriptorReader.read("""
                        {"id": "test-inline", "name": "Inline test", "version": "1.0.0", "sdk": "[1.0,2.0)",
                         "kinds": ["TAX"],
                         "extensions": [{"point": "TAX_CALCULATOR", "class": "io.caravan.test.inline.Calculator",
                                         "failurePolicy": "FAIL_CLOSED"}],
                         "configuration": {"schema": {"type": "object"}, "secrets": []},
                         "permissions": {"egressHosts": [], "events": [], "data": []}}
                        """));
        return new InstalledPlugin(
                new InstallationId("i-" + store),
                new StoreRef("id-" + store, store),
                artifact,
                JsonPluginConfiguration.parse("{}", Set.of()));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
