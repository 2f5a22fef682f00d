package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginStorage;
import io.caravan.sdk.plugin.PluginUnavailableException;
import io.caravan.sdk.plugin.StoredValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Storage and egress for a host running outside the container (unit tests, benchmarks), where
 * there is no database: each use fails with an explicit, retryable error rather than pretending
 * (an in-memory store would behave unlike the real one). In the server, {@code HostPluginServices}
 * provides both.
 */
final class NotYetAvailable {
    static final PluginStorage STORAGE = new PluginStorage() {
        private PluginUnavailableException unavailable() {
            return new PluginUnavailableException("plugin storage is not available on this platform version yet",
                    Duration.ofMinutes(5), null);
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
    };

    static final EgressHttp EGRESS = new EgressHttp() {
        @Override
        public EgressResponse send(EgressRequest request) {
            throw new EgressDeniedException("outgoing HTTP from plugins is not enabled on this platform version yet");
        }
    };

    private NotYetAvailable() {
    }
}
