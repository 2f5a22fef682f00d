package io.caravan.platform.host.infrastructure.felix;

import io.caravan.platform.host.application.BundleHost;
import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginLoadException;
import io.caravan.platform.host.application.Tier;
import io.caravan.runtime.BundleLoadException;
import io.caravan.runtime.LoadedBundle;
import io.caravan.runtime.PluginFramework;
import java.nio.file.Path;

/**
 * The node's one plugin framework (one Felix per node, one bundle per plugin version shared by
 * every store): the plugin runtime's {@link PluginFramework}, which owns the framework's
 * configuration, the SDK-only resolver hook and how a bundle is loaded. This adapter adds what
 * the host knows and the runtime does not: the bundle must be the release the marketplace
 * published (symbolic name and version), and failures are the host's
 * {@link PluginLoadException}.
 */
public final class FelixBundleHost implements BundleHost, AutoCloseable {
    private final PluginFramework framework;

    private FelixBundleHost(PluginFramework framework) {
        this.framework = framework;
    }

    /** Starts a framework whose storage is {@code storage} (created if missing, wiped at start). */
    public static FelixBundleHost start(Path storage) {
        return new FelixBundleHost(PluginFramework.start(storage));
    }

    @Override
    public boolean acceptsSdkRange(String range) {
        return framework.sdk().accepts(range);
    }

    @Override
    public String sdkVersion() {
        return framework.sdk().apiVersion();
    }

    @Override
    public LoadedPlugin load(PluginArtifact artifact, byte[] bytes) {
        LoadedBundle bundle;
        try {
            bundle = framework.load(artifact.location(), bytes);
        } catch (BundleLoadException e) {
            throw new PluginLoadException(
                    "cannot load " + artifact.descriptor().id() + " "
                            + artifact.descriptor().version() + ": " + e.getMessage(),
                    e);
        }
        if (!artifact.symbolicName().equals(bundle.symbolicName())
                || !artifact.descriptor().version().equals(bundle.version())) {
            PluginLoadException mismatch = new PluginLoadException(
                    "the bundle is " + bundle.symbolicName() + " " + bundle.version() + ", not "
                            + artifact.symbolicName() + " "
                            + artifact.descriptor().version(),
                    null);
            try {
                framework.unload(bundle);
            } catch (RuntimeException suppressed) {
                mismatch.addSuppressed(suppressed);
            }
            throw mismatch;
        }
        return new LoadedPlugin(artifact, bundle.extensions(), bundle.classLoader(), bundle, Tier.IN_PROCESS);
    }

    @Override
    public void unload(LoadedPlugin plugin) {
        framework.unload((LoadedBundle) plugin.handle());
    }

    @Override
    public int bundleCount() {
        return framework.bundleCount();
    }

    /** Stops the framework and waits for it. */
    @Override
    public void close() {
        framework.close();
    }
}
