package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.PluginConfiguration;

/**
 * A store's installation as the host calls it: who (store id and slug), what (the artifact of the
 * release it runs) and with which validated configuration. Immutable; a change to the installation
 * produces a new value.
 */
public record InstalledPlugin(String installationId, String storeId, String storeSlug, PluginArtifact artifact,
        PluginConfiguration configuration) {

    public String pluginId() {
        return artifact.descriptor().id();
    }

    public String version() {
        return artifact.descriptor().version();
    }
}
