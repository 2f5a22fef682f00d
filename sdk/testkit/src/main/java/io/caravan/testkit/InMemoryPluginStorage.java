package io.caravan.testkit;

import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.StorageLimitExceededException;
import io.caravan.sdk.plugin.StoredValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@link PluginStorage} in memory for one (store, plugin), with the SDK's documented behaviour:
 * key pattern, value/entry/total limits ({@link StorageLimitExceededException}; expired entries do
 * not count), versions that grow with every write, compare-and-set with {@code 0} meaning "absent",
 * time-to-live measured on the given clock, keys listed in ascending order. Thread-safe.
 */
public final class InMemoryPluginStorage implements PluginStorage {

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private record Entry(byte[] value, long version, Instant expiresAt) {}

    private final Clock clock;
    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private long lastVersion;

    /**
     * Empty storage.
     *
     * @param clock the clock time-to-live is measured on
     */
    public InMemoryPluginStorage(Clock clock) {
        this.clock = clock;
    }

    private static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Invalid storage key: " + key + " (must match " + KEY_PATTERN + ")");
        }
    }

    private static void checkTtl(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive: " + ttl);
        }
    }

    private boolean live(Entry e) {
        return e != null && (e.expiresAt == null || clock.instant().isBefore(e.expiresAt));
    }

    private Entry liveEntry(String key) {
        Entry e = entries.get(key);
        return live(e) ? e : null;
    }

    private long write(String key, byte[] value, Duration ttl) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        if (value.length > MAX_VALUE_BYTES) {
            throw new StorageLimitExceededException("Value of " + value.length + " bytes exceeds " + MAX_VALUE_BYTES);
        }
        Entry old = liveEntry(key);
        long liveCount = 0;
        long liveBytes = 0;
        for (Entry e : entries.values()) {
            if (live(e)) {
                liveCount++;
                liveBytes += e.value.length;
            }
        }
        if (old == null && liveCount >= MAX_ENTRIES) {
            throw new StorageLimitExceededException("At most " + MAX_ENTRIES + " entries per (store, plugin)");
        }
        long total = liveBytes - (old == null ? 0 : old.value.length) + value.length;
        if (total > MAX_TOTAL_BYTES) {
            throw new StorageLimitExceededException("At most " + MAX_TOTAL_BYTES + " bytes per (store, plugin)");
        }
        long version = ++lastVersion;
        entries.put(
                key,
                new Entry(
                        value.clone(),
                        version,
                        ttl == null ? null : clock.instant().plus(ttl)));
        return version;
    }

    @Override
    public synchronized Optional<StoredValue> get(String key) {
        checkKey(key);
        Entry e = liveEntry(key);
        return e == null ? Optional.empty() : Optional.of(new StoredValue(e.value, e.version, e.expiresAt));
    }

    @Override
    public synchronized long put(String key, byte[] value) {
        checkKey(key);
        return write(key, value, null);
    }

    @Override
    public synchronized long put(String key, byte[] value, Duration timeToLive) {
        checkKey(key);
        checkTtl(timeToLive);
        return write(key, value, timeToLive);
    }

    @Override
    public synchronized OptionalLong compareAndSet(String key, long expectedVersion, byte[] value) {
        return cas(key, expectedVersion, value, null);
    }

    @Override
    public synchronized OptionalLong compareAndSet(
            String key, long expectedVersion, byte[] value, Duration timeToLive) {
        checkTtl(timeToLive);
        return cas(key, expectedVersion, value, timeToLive);
    }

    private OptionalLong cas(String key, long expectedVersion, byte[] value, Duration ttl) {
        checkKey(key);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative: " + expectedVersion);
        }
        Entry e = liveEntry(key);
        long current = e == null ? 0 : e.version;
        if (current != expectedVersion) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(write(key, value, ttl));
    }

    @Override
    public synchronized boolean delete(String key) {
        checkKey(key);
        Entry e = entries.remove(key);
        return live(e);
    }

    @Override
    public synchronized List<String> keys(String prefix, int limit) {
        if (limit < 1 || limit > MAX_KEYS_PER_CALL) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_KEYS_PER_CALL + ": " + limit);
        }
        String p = prefix == null ? "" : prefix;
        return entries.tailMap(p, true).entrySet().stream()
                .takeWhile(en -> en.getKey().startsWith(p))
                .filter(en -> live(en.getValue()))
                .map(Map.Entry::getKey)
                .limit(limit)
                .toList();
    }

    /**
     * How many live entries there are (for assertions).
     *
     * @return the count
     */
    public synchronized int size() {
        return (int) entries.values().stream().filter(this::live).count();
    }
}
