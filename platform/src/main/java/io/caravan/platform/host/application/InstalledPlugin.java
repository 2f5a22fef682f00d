package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.PluginId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.plugin.PluginConfiguration;

/**
 * A store's installation as the host calls it: who (the store, by id and slug), what (the artifact of the
 * release it runs) and with which validated configuration. Immutable; a change to the installation
 * produces a new value.
 */
public record InstalledPlugin(
        InstallationId installationId, StoreRef store, PluginArtifact artifact, PluginConfiguration configuration) {

    public PluginId pluginId() {
        return new PluginId(artifact.descriptor().id());
    }

    public String version() {
        return artifact.descriptor().version();
    }
}
