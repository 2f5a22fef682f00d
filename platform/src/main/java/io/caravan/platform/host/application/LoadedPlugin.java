package io.caravan.platform.host.application;

import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One plugin version loaded on this node, shared by every store that runs it: the extension
 * instances its descriptor names (created once) and the bundle's class loader (the TCCL of its calls).
 *
 * @param handle           the host's own reference to the bundle, opaque outside the Felix adapter
 * @param tier             where the extensions run: in this JVM (certified) or behind sandbox proxies
 * @param firstCallPending true until the first call on this load claims it ({@link #claimFirstCall})
 */
public record LoadedPlugin(
        PluginArtifact artifact,
        Map<ExtensionPoint, Object> extensions,
        ClassLoader classLoader,
        Object handle,
        Tier tier,
        AtomicBoolean firstCallPending) {
    public LoadedPlugin {
        extensions = Map.copyOf(extensions);
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(firstCallPending, "firstCallPending");
    }

    /** A version just loaded: its first call is still to come. */
    public LoadedPlugin(
            PluginArtifact artifact,
            Map<ExtensionPoint, Object> extensions,
            ClassLoader classLoader,
            Object handle,
            Tier tier) {
        this(artifact, extensions, classLoader, handle, tier, new AtomicBoolean(true));
    }

    /**
     * Whether the calling call is the first one since this version was loaded on this node; true
     * for exactly one call, so the allowance it earns ({@link InvokerSettings#firstCallAllowance})
     * cannot be had twice from one load.
     */
    public boolean claimFirstCall() {
        return firstCallPending.compareAndSet(true, false);
    }

    public PluginDescriptor descriptor() {
        return artifact.descriptor();
    }

    public Optional<Object> extension(ExtensionPoint point) {
        return Optional.ofNullable(extensions.get(point));
    }
}
