package io.caravan.platform.marketplace.domain;

import java.util.List;
import java.util.Optional;

/** A store's installations; every method is scoped to the store it is given. */
public interface InstallationRepository {
    Optional<Installation> findById(String storeId, String installationId);

    Optional<Installation> findByPlugin(String storeId, String pluginId);

    List<Installation> list(String storeId);

    void add(String storeId, Installation installation);

    void remove(String storeId, Installation installation);
}
