package io.caravan.runtime;

import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.StoredValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Plugin storage where there is none (outside the container, or during the upload dry run): every
 * operation fails with the same explicit {@link PluginUnavailableException} instead of pretending.
 */
public final class UnavailableStorage implements PluginStorage {
    private final String message;
    private final Duration retryAfter;

    /**
     * Creates the storage.
     *
     * @param message    what the plugin is told, e.g. why there is no storage here
     * @param retryAfter when to try again, or null when it never becomes available in this setting
     */
    public UnavailableStorage(String message, Duration retryAfter) {
        this.message = message;
        this.retryAfter = retryAfter;
    }

    private PluginUnavailableException unavailable() {
        return new PluginUnavailableException(message, retryAfter, null);
    }

    @Override
    public Optional<StoredValue> get(String key) {
        throw unavailable();
    }

    @Override
    public long put(String key, byte[] value) {
        throw unavailable();
    }

    @Override
    public long put(String key, byte[] value, Duration timeToLive) {
        throw unavailable();
    }

    @Override
    public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value) {
        throw unavailable();
    }

    @Override
    public OptionalLong compareAndSet(String key, long expectedVersion, byte[] value, Duration timeToLive) {
        throw unavailable();
    }

    @Override
    public boolean delete(String key) {
        throw unavailable();
    }

    @Override
    public List<String> keys(String prefix, int limit) {
        throw unavailable();
    }
}
