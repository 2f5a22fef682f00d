package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.Map;

/**
 * Plugin call figures at one moment.
 *
 * @param storeSlug    the store, or null when aggregated over all stores
 * @param p50Micros    upper bound of the median's latency bucket (power of two µs)
 * @param p99Micros    upper bound of the 99th percentile's bucket
 * @param meanMicros   mean latency of calls that ran
 */
public record MetricsSnapshot(
        String storeSlug,
        String pluginId,
        ExtensionPoint point,
        long calls,
        long answered,
        long refused,
        Map<FailureKind, Long> failures,
        long p50Micros,
        long p99Micros,
        long meanMicros) {
    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }
}
