package io.caravan.platform.host.application;

import io.caravan.runtime.UnavailableStorage;
import io.caravan.sdk.plugin.EgressDeniedException;
import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginStorage;
import java.time.Duration;

/**
 * Storage and egress for a host running outside the container (unit tests, benchmarks), where
 * there is no database: each use fails with an explicit, retryable error rather than pretending
 * (an in-memory store would behave unlike the real one). In the server, {@code HostPluginServices}
 * provides both.
 */
final class NotYetAvailable {
    static final PluginStorage STORAGE = new UnavailableStorage(
            "plugin storage is not available on this platform version yet", Duration.ofMinutes(5));

    static final EgressHttp EGRESS = new EgressHttp() {
        @Override
        public EgressResponse send(EgressRequest request) {
            throw new EgressDeniedException("outgoing HTTP from plugins is not enabled on this platform version yet");
        }
    };

    private NotYetAvailable() {}
}
