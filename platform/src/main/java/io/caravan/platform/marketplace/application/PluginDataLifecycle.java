package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.domain.DataRetention;
import io.caravan.platform.marketplace.domain.ListingStats;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.ClusterSchedule;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.platform.tenancy.domain.Store;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What happens to a plugin's stored data and install count around installs. An uninstall keeps the
 * plugin's data for {@code caravan.marketplace.data-retention} (30 days by default) unless the
 * merchant asks for it to go at once; installing again within that time brings it back; a job
 * every {@code caravan.marketplace.data-purge-every} (an hour by default; the first run ten minutes
 * after start, or sooner when the period is shorter) deletes what is due, store by store, and
 * audits it.
 */
@ApplicationScoped
public class PluginDataLifecycle {
    /** Runs the scheduled job on one node of the cluster per period (docs/architecture.md, "Several nodes"). */
    @Inject
    ClusterSchedule cluster;

    private static final Logger LOG = Logger.getLogger(PluginDataLifecycle.class.getName());
    private static final Duration FIRST_PURGE_AFTER = Duration.ofMinutes(10);

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    PluginHost host;

    @Inject
    AuditLog audit;

    @Inject
    ModerationTransactions stores;

    @Inject
    PluginDataLifecycle self;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caravan.marketplace.data-retention", defaultValue = "P30D")
    Duration retention;

    /** The period of the purge job. */
    @Inject
    @ConfigProperty(name = "caravan.marketplace.data-purge-every", defaultValue = "PT1H")
    Duration purgeEvery;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> job;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 60) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (purgeEvery.isNegative() || purgeEvery.isZero()) {
            throw new IllegalStateException(
                    "caravan.marketplace.data-purge-every must be a positive duration, not " + purgeEvery);
        }
        long period = purgeEvery.toMillis();
        job = executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!cluster.claim("plugin-data-purge", purgeEvery)) {
                            return;
                        }
                        purgeDue();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Purging retained plugin data failed; the next run retries", e);
                    }
                },
                Math.min(FIRST_PURGE_AFTER.toMillis(), period),
                period,
                TimeUnit.MILLISECONDS);
    }

    /** In the install's transaction: retained data (if any) belongs to the new installation; one more install. */
    public void installed(String storeId, String pluginId) {
        EntityManager em = persistence.forStore(storeId);
        em.createQuery("delete from DataRetention r where r.pluginId = :plugin")
                .setParameter("plugin", pluginId)
                .executeUpdate();
        count(pluginId, 1);
    }

    /**
     * In the uninstall's transaction: deletes the plugin's data now, or keeps it until the
     * retention ends.
     *
     * @return what the merchant is told (for the audit entry)
     */
    public String uninstalled(String storeId, String pluginId, boolean purgeNow) {
        count(pluginId, -1);
        if (purgeNow) {
            int purged = host.purgeStoredData(storeId, pluginId);
            return purged + " stored entries deleted at the merchant's request";
        }
        Instant purgeAfter = clock.instant().plus(retention);
        persistence.forStore(storeId).persist(new DataRetention(pluginId, purgeAfter));
        return "stored data kept until " + purgeAfter + " (installing again before then brings it back)";
    }

    /** Creates the install counter of a listing (with the listing). */
    public void listed(String pluginId) {
        if (persistence.platform().find(ListingStats.class, pluginId) == null) {
            persistence.platform().persist(new ListingStats(pluginId, clock.instant()));
        }
    }

    @Transactional
    public long installs(String pluginId) {
        ListingStats stats = persistence.platform().find(ListingStats.class, pluginId);
        return stats == null ? 0 : stats.installs();
    }

    private void count(String pluginId, int delta) {
        // one atomic statement: concurrent installs of one plugin by many stores never conflict
        persistence
                .platform()
                .createQuery("update ListingStats s set s.installs = s.installs + :delta,"
                        + " s.updatedAt = :now where s.pluginId = :plugin")
                .setParameter("delta", (long) delta)
                .setParameter("now", clock.instant())
                .setParameter("plugin", pluginId)
                .executeUpdate();
    }

    /** Deletes every retained plugin data set whose retention has ended, store by store. */
    public int purgeDue() {
        int purged = 0;
        for (int page = 0; ; page++) {
            Page<Store> batch = stores.stores(new PageRequest(page, PageRequest.MAX_SIZE));
            for (Store store : batch.items()) {
                purged += self.purgeDue(store.id());
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= batch.total()) {
                return purged;
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeDue(String storeId) {
        EntityManager em = persistence.forStore(storeId);
        Instant now = clock.instant();
        List<DataRetention> due = em.createQuery(
                        "select r from DataRetention r where r.purgeAfter <= :now", DataRetention.class)
                .setParameter("now", now)
                .getResultList();
        for (DataRetention retained : due) {
            int entries = host.purgeStoredData(storeId, retained.pluginId());
            em.remove(retained);
            audit.record(
                    storeId,
                    new AuditEntry(
                            Actor.SYSTEM,
                            "plugin.data-purged",
                            retained.pluginId(),
                            entries + " stored entries deleted after the retention period",
                            now));
        }
        return due.size();
    }

    @PreDestroy
    void stop() {
        if (job != null) {
            job.cancel(false);
        }
    }
}
