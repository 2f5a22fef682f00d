package io.caravan.platform.host.infrastructure;

import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.StorageLimitExceededException;
import io.caravan.sdk.plugin.StoredValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link PluginStorage} for one (store, plugin), lent to one call: validates as the SDK documents,
 * then runs each operation as its own transaction in {@link JpaPluginStorage}. The store and plugin
 * come from the installation the invoker resolved, never from the plugin.
 */
final class DatabasePluginStorage implements PluginStorage {
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private final JpaPluginStorage database;
    private final Clock clock;
    private final String storeId;
    private final String pluginId;

    DatabasePluginStorage(JpaPluginStorage database, Clock clock, String storeId, String pluginId) {
        this.database = database;
        this.clock = clock;
        this.storeId = storeId;
        this.pluginId = pluginId;
    }

    @Override
    public Optional<StoredValue> get(String key) {
        requireKey(key);
        return guarded(() -> database.get(storeId, pluginId, key));
    }

    @Override
    public long put(String key, byte[] value) {
        return write(key, null, value, null).getAsLong();
    }

    @Override
    public long put(String key, byte[] value, Duration timeToLive) {
        return write(key, null, value, expiry(timeToLive)).getAsLong();
    }

    @Override
    public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value) {
        requireExpected(expectedVersion);
        return write(key, expectedVersion, value, null);
    }

    @Override
    public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value, Duration timeToLive) {
        requireExpected(expectedVersion);
        return write(key, expectedVersion, value, expiry(timeToLive));
    }

    @Override
    public boolean delete(String key) {
        requireKey(key);
        return guarded(() -> database.delete(storeId, pluginId, key));
    }

    @Override
    public List<String> keys(String prefix, int limit) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null (use \"\" for all keys)");
        }
        if (limit < 1 || limit > MAX_KEYS_PER_CALL) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_KEYS_PER_CALL + ", not " + limit);
        }
        return List.copyOf(guarded(() -> database.keys(storeId, pluginId, prefix, limit)));
    }

    private OptionalLong write(String key, Long expectedVersion, byte[] value, Instant expiresAt) {
        requireKey(key);
        if (value == null) {
            throw new IllegalArgumentException("value must not be null (use delete)");
        }
        if (value.length > MAX_VALUE_BYTES) {
            throw new StorageLimitExceededException(
                    "a value holds at most " + MAX_VALUE_BYTES + " bytes, not " + value.length);
        }
        byte[] copy = value.clone();
        try {
            return database.write(storeId, pluginId, key, expectedVersion, copy, expiresAt);
        } catch (StorageLimitExceededException e) {
            throw e;
        } catch (RuntimeException firstAttempt) {
            // Two first writes of one key race on its unique row; the loser sees the winner's row now.
            return guarded(() -> database.write(storeId, pluginId, key, expectedVersion, copy, expiresAt));
        }
    }

    private <T> T guarded(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (StorageLimitExceededException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PluginUnavailableException(
                    "plugin storage is unavailable right now", Duration.ofSeconds(5), null);
        }
    }

    private Instant expiry(Duration timeToLive) {
        if (timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive, not " + timeToLive);
        }
        return clock.instant().plus(timeToLive);
    }

    private static void requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("storage key must match " + KEY_PATTERN + ": " + key);
        }
    }

    private static void requireExpected(long expectedVersion) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException(
                    "expectedVersion must be 0 (absent) or a version read, not " + expectedVersion);
        }
    }
}
