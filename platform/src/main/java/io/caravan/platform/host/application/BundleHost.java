package io.caravan.platform.host.application;

/** The OSGi framework, seen from the rest of the host: load and unload plugin bundles. */
public interface BundleHost {
    /**
     * Installs and starts the bundle and creates its extensions.
     *
     * @param bytes the bundle, already checked against {@link PluginArtifact#sha256()}
     * @throws PluginLoadException when it does not resolve, start, or match its descriptor
     */
    LoadedPlugin load(PluginArtifact artifact, byte[] bytes);

    /**
     * Closes its extensions, uninstalls the bundle and refreshes the framework so its class loader
     * can be collected; returns when the refresh has finished.
     */
    void unload(LoadedPlugin plugin);

    /**
     * Whether a plugin's required SDK range (an OSGi version range, or a minimum version) includes
     * the SDK this platform exports.
     */
    boolean acceptsSdkRange(String range);

    /** The SDK version this platform exports to plugins. */
    String sdkVersion();

    /** How many plugin bundles the framework holds now (the system bundle not counted). */
    int bundleCount();
}
