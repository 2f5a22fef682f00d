package io.caravan.platform.host.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Billable usage as the invoker sees it: calls a plugin answered for a store (health checks
 * excluded), never reported by the plugin itself. The marketplace drains the counts into the
 * database periodically; a drained count that cannot be stored is given back.
 */
public final class UsageMeter {
    /** Answered calls of one plugin for one store since the last drain. */
    public record Usage(String storeId, String pluginId, long calls) {}

    private record Key(String storeId, String pluginId) {}

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    void record(InstalledPlugin plugin) {
        counts.computeIfAbsent(new Key(plugin.store().id(), plugin.pluginId().value()), k -> new LongAdder())
                .increment();
    }

    /** Takes every count recorded so far (each is reset to zero). */
    public List<Usage> drain() {
        List<Usage> drained = new ArrayList<>();
        counts.forEach((key, adder) -> {
            long calls = adder.sumThenReset();
            if (calls > 0) {
                drained.add(new Usage(key.storeId(), key.pluginId(), calls));
            }
        });
        return drained;
    }

    /** Puts back a count that could not be stored, so the next drain retries it. */
    public void giveBack(Usage usage) {
        counts.computeIfAbsent(new Key(usage.storeId(), usage.pluginId()), k -> new LongAdder())
                .add(usage.calls());
    }
}
