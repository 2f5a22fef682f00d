package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.runtime.PluginDescriptorReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed descriptors and compiled configuration schemas of releases, cached by release id and
 * SHA-256 (a replaced development build gets new entries) and certification (a certified or
 * decertified version changes tier on its next call).
 */
@ApplicationScoped
public class ReleaseArtifacts {
    private final Map<String, PluginArtifact> artifacts = new ConcurrentHashMap<>();
    private final ConfigurationValidator validator = new ConfigurationValidator();

    public PluginArtifact of(PluginRelease release) {
        PluginArtifact cached = artifacts.get(release.id());
        if (cached != null && cached.sha256().equals(release.sha256()) && cached.certified() == release.certified()) {
            return cached;
        }
        PluginArtifact artifact = new PluginArtifact(
                new ReleaseId(release.id()),
                release.symbolicName(),
                release.sha256(),
                PluginDescriptorReader.read(release.descriptorJson()),
                release.certified());
        artifacts.put(release.id(), artifact);
        return artifact;
    }

    /** The configuration, validated against the release's schema, its secrets apart. */
    public ConfigurationValidator.Validated validConfiguration(
            PluginRelease release, String configurationJson, java.util.Map<String, String> storedSecrets) {
        return validator.validate(
                release.id() + "@" + release.sha256(), of(release).descriptor(), configurationJson, storedSecrets);
    }
}
