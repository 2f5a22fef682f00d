package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.domain.Installation;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaInstallationRepository implements InstallationRepository {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public Optional<Installation> findById(String storeId, String installationId) {
        return Optional.ofNullable(persistence.forStore(storeId).find(Installation.class, installationId));
    }

    @Override
    public Optional<Installation> findByPlugin(String storeId, String pluginId) {
        return persistence
                .forStore(storeId)
                .createQuery("select i from Installation i where i.pluginId = :plugin", Installation.class)
                .setParameter("plugin", pluginId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Installation> list(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery("select i from Installation i order by i.pluginId", Installation.class)
                .getResultList();
    }

    @Override
    public void add(String storeId, Installation installation) {
        persistence.forStore(storeId).persist(installation);
    }

    @Override
    public void remove(String storeId, Installation installation) {
        persistence.forStore(storeId).remove(installation);
    }
}
