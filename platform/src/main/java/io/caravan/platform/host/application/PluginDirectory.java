package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.List;

/**
 * What the host asks the marketplace: which installations serve a store's extension point, and a
 * release's bundle bytes. Implemented by the marketplace context, so the host knows nothing of
 * listings or installation rows.
 */
public interface PluginDirectory {
    /**
     * The store's enabled installations that provide a point, first choice first.
     *
     * @param store the store
     */
    List<InstalledPlugin> providers(StoreRef store, ExtensionPoint point);

    /** The bundle's bytes, checked against the artifact's SHA-256. */
    byte[] bundle(PluginArtifact artifact);
}
