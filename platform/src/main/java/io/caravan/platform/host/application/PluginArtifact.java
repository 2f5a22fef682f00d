package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.sdk.plugin.PluginDescriptor;

/**
 * What the host needs to load one plugin version: its release id (the cache key), bundle identity,
 * descriptor, and where its verified bytes come from.
 */
public record PluginArtifact(ReleaseId releaseId, String symbolicName, String sha256, PluginDescriptor descriptor) {
    /** The bundle location, unique per content: Felix keys bundles by location. */
    public String location() {
        return "caravan:" + symbolicName + "@" + descriptor.version() + "#" + sha256;
    }
}
