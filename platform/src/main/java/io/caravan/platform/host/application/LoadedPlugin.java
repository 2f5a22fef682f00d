package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin version loaded on this node, shared by every store that runs it: the extension
 * instances its descriptor names (created once) and the bundle's class loader (the TCCL of its calls).
 *
 * @param handle the host's own reference to the bundle, opaque outside the Felix adapter
 * @param tier   where the extensions run: in this JVM (certified) or behind sandbox proxies
 */
public record LoadedPlugin(
        PluginArtifact artifact,
        Map<ExtensionPoint, Object> extensions,
        ClassLoader classLoader,
        Object handle,
        Tier tier) {
    public LoadedPlugin {
        extensions = Map.copyOf(extensions);
        Objects.requireNonNull(tier, "tier");
    }

    public PluginDescriptor descriptor() {
        return artifact.descriptor();
    }

    public Optional<Object> extension(ExtensionPoint point) {
        return Optional.ofNullable(extensions.get(point));
    }
}
