package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls, outcomes and latency of plugin calls, per (store, plugin, extension point), aggregated per
 * plugin or per store when read. Latency goes into power-of-two microsecond buckets (1 µs .. ~33 s),
 * enough for p50/p99 within a factor of two without keeping samples. An entry is created on a
 * store's first call of a point, never for installations that are not called.
 */
public final class InvocationMetrics {
    static final int BUCKETS = 26;

    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    record Key(String storeSlug, String pluginId, ExtensionPoint point) {}

    /** Counters of one (store, plugin, point). */
    static final class Series {
        final LongAdder calls = new LongAdder();
        final LongAdder answered = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder[] failures = new LongAdder[FailureKind.values().length];
        final LongAdder totalNanos = new LongAdder();
        final AtomicLongArray latency = new AtomicLongArray(BUCKETS);

        Series() {
            for (int i = 0; i < failures.length; i++) {
                failures[i] = new LongAdder();
            }
        }
    }

    void answered(InstalledPlugin plugin, ExtensionPoint point, long nanos) {
        Series s = series(plugin, point);
        s.calls.increment();
        s.answered.increment();
        latency(s, nanos);
    }

    void refused(InstalledPlugin plugin, ExtensionPoint point, long nanos) {
        Series s = series(plugin, point);
        s.calls.increment();
        s.refused.increment();
        latency(s, nanos);
    }

    void failed(InstalledPlugin plugin, ExtensionPoint point, FailureKind kind, long nanos) {
        Series s = series(plugin, point);
        s.calls.increment();
        s.failures[kind.ordinal()].increment();
        if (nanos >= 0) {
            latency(s, nanos);
        }
    }

    private Series series(InstalledPlugin plugin, ExtensionPoint point) {
        return series.computeIfAbsent(
                new Key(plugin.store().slug(), plugin.pluginId().value(), point), k -> new Series());
    }

    private static void latency(Series s, long nanos) {
        s.totalNanos.add(nanos);
        long micros = Math.max(1, nanos / 1_000);
        int bucket = Math.min(BUCKETS - 1, 63 - Long.numberOfLeadingZeros(micros));
        s.latency.incrementAndGet(bucket);
    }

    /** All series of one store (its own view). */
    public List<MetricsSnapshot> forStore(String storeSlug) {
        List<MetricsSnapshot> result = new ArrayList<>();
        series.forEach((key, s) -> {
            if (key.storeSlug().equals(storeSlug)) {
                result.add(snapshot(key.storeSlug(), key.pluginId(), key.point(), List.of(s)));
            }
        });
        return result;
    }

    /** One line per (plugin, point), all stores together. */
    public List<MetricsSnapshot> perPlugin() {
        Map<String, Map<ExtensionPoint, List<Series>>> grouped = new java.util.TreeMap<>();
        series.forEach((key, s) -> grouped.computeIfAbsent(key.pluginId(), p -> new EnumMap<>(ExtensionPoint.class))
                .computeIfAbsent(key.point(), p -> new ArrayList<>())
                .add(s));
        List<MetricsSnapshot> result = new ArrayList<>();
        grouped.forEach(
                (plugin, byPoint) -> byPoint.forEach((point, list) -> result.add(snapshot(null, plugin, point, list))));
        return result;
    }

    private static MetricsSnapshot snapshot(String store, String plugin, ExtensionPoint point, List<Series> list) {
        long calls = 0;
        long answered = 0;
        long refused = 0;
        long totalNanos = 0;
        Map<FailureKind, Long> failures = new EnumMap<>(FailureKind.class);
        long[] buckets = new long[BUCKETS];
        for (Series s : list) {
            calls += s.calls.sum();
            answered += s.answered.sum();
            refused += s.refused.sum();
            totalNanos += s.totalNanos.sum();
            for (FailureKind kind : FailureKind.values()) {
                long n = s.failures[kind.ordinal()].sum();
                if (n > 0) {
                    failures.merge(kind, n, Long::sum);
                }
            }
            for (int i = 0; i < BUCKETS; i++) {
                buckets[i] += s.latency.get(i);
            }
        }
        return new MetricsSnapshot(
                store,
                plugin,
                point,
                calls,
                answered,
                refused,
                failures,
                percentileMicros(buckets, 0.50),
                percentileMicros(buckets, 0.99),
                samples(buckets) == 0 ? 0 : totalNanos / 1_000 / samples(buckets));
    }

    private static long samples(long[] buckets) {
        long total = 0;
        for (long b : buckets) {
            total += b;
        }
        return total;
    }

    /** The upper bound of the bucket holding the percentile, in µs (0 without samples). */
    private static long percentileMicros(long[] buckets, double percentile) {
        long total = samples(buckets);
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percentile);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return 1L << (i + 1);
            }
        }
        return 1L << buckets.length;
    }
}
