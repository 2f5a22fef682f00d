package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.sdk.plugin.PluginDescriptor;

/**
 * What the host needs to load one plugin version: its release id (the cache key), bundle identity,
 * descriptor, and whether a platform admin certified it — only a certified version runs in the
 * platform's JVM; every other one runs in sandbox workers (docs/architecture.md, "Trust tiers").
 */
public record PluginArtifact(
        ReleaseId releaseId, String symbolicName, String sha256, PluginDescriptor descriptor, boolean certified) {
    /** A certified artifact (first-party code and the host's own tests). */
    public PluginArtifact(ReleaseId releaseId, String symbolicName, String sha256, PluginDescriptor descriptor) {
        this(releaseId, symbolicName, sha256, descriptor, true);
    }

    /** The bundle location, unique per content: Felix keys bundles by location. */
    public String location() {
        return "caravan:" + symbolicName + "@" + descriptor.version() + "#" + sha256;
    }
}
