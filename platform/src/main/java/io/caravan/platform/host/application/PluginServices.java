package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.EgressHttp;
import io.caravan.sdk.plugin.PluginStorage;
import java.time.Instant;

/** What the platform lends a plugin for one call: its storage in the store, and its egress. */
public interface PluginServices {
    PluginStorage storage(InstalledPlugin installation);

    EgressHttp egress(InstalledPlugin installation, Instant deadline);

    /**
     * Deletes everything the plugin stored in the store (uninstall), in the caller's transaction.
     *
     * @return how many entries were deleted
     */
    int purge(String storeId, String pluginId);

    /** Neither yet: each use fails with a clear, retryable error (tests outside the container). */
    PluginServices NONE = new PluginServices() {
        @Override
        public PluginStorage storage(InstalledPlugin installation) {
            return NotYetAvailable.STORAGE;
        }

        @Override
        public EgressHttp egress(InstalledPlugin installation, Instant deadline) {
            return NotYetAvailable.EGRESS;
        }

        @Override
        public int purge(String storeId, String pluginId) {
            return 0;
        }
    };
}
