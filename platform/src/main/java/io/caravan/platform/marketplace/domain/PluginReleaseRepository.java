package io.caravan.platform.marketplace.domain;

import java.util.List;
import java.util.Optional;

/** The platform's releases (not store-owned). */
public interface PluginReleaseRepository {
    Optional<PluginRelease> findById(String id);

    Optional<PluginRelease> find(String pluginId, String version);

    List<PluginRelease> list(String pluginId);

    List<PluginRelease> listAll();

    List<PluginRelease> listByStatus(ReleaseStatus status);

    /** Every release, of any plugin, whose bundle has this Bundle-SymbolicName. */
    List<PluginRelease> listBySymbolicName(String symbolicName);

    /** The bytes stored for a developer: the sizes of their listings' releases that passed the checks. */
    long storedBytesOfDeveloper(String developerId);

    void add(PluginRelease release);
}
