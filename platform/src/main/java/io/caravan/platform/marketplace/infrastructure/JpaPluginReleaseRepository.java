package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.PluginReleaseRepository;
import io.caravan.platform.marketplace.domain.ReleaseStatus;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaPluginReleaseRepository implements PluginReleaseRepository {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public Optional<PluginRelease> findById(String id) {
        return Optional.ofNullable(persistence.platform().find(PluginRelease.class, id));
    }

    @Override
    public Optional<PluginRelease> find(String pluginId, String version) {
        return persistence
                .platform()
                .createQuery(
                        "select r from PluginRelease r where r.pluginId = :plugin and r.version = :version",
                        PluginRelease.class)
                .setParameter("plugin", pluginId)
                .setParameter("version", version)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<PluginRelease> list(String pluginId) {
        return persistence
                .platform()
                .createQuery(
                        "select r from PluginRelease r where r.pluginId = :plugin order by r.registeredAt",
                        PluginRelease.class)
                .setParameter("plugin", pluginId)
                .getResultList();
    }

    @Override
    public List<PluginRelease> listAll() {
        return persistence
                .platform()
                .createQuery("select r from PluginRelease r order by r.pluginId, r.registeredAt", PluginRelease.class)
                .getResultList();
    }

    @Override
    public List<PluginRelease> listByStatus(ReleaseStatus status) {
        return persistence
                .platform()
                .createQuery(
                        "select r from PluginRelease r where r.status = :status order by r.registeredAt",
                        PluginRelease.class)
                .setParameter("status", status)
                .getResultList();
    }

    @Override
    public List<PluginRelease> listBySymbolicName(String symbolicName) {
        return persistence
                .platform()
                .createQuery(
                        "select r from PluginRelease r where r.symbolicName = :name order by r.registeredAt",
                        PluginRelease.class)
                .setParameter("name", symbolicName)
                .getResultList();
    }

    @Override
    public long storedBytesOfDeveloper(String developerId) {
        Long sum = persistence
                .platform()
                .createQuery(
                        "select sum(r.sizeBytes) from PluginRelease r where r.status <> :rejected and r.listingId in"
                                + " (select l.id from Listing l where l.developerId = :developer)",
                        Long.class)
                .setParameter("rejected", ReleaseStatus.REJECTED)
                .setParameter("developer", developerId)
                .getSingleResult();
        return sum == null ? 0 : sum;
    }

    @Override
    public void add(PluginRelease release) {
        persistence.platform().persist(release);
    }
}
