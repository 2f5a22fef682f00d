package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.domain.PlatformRevision;
import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.ReleaseStatus;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a change every node must apply reaches every node: the change bumps the {@code plugins}
 * revision in the database in its transaction; each node polls it every {@value #POLL_MILLIS} ms
 * and, when it moved, drops its cached installations and unloads the bundles of withdrawn versions.
 */
@ApplicationScoped
public class PluginRevisions {
    static final long POLL_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(PluginRevisions.class.getName());

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    MarketplacePluginDirectory directory;

    @Inject
    PluginHost host;

    @Inject
    PluginRevisions self;

    @Resource
    ManagedScheduledExecutorService executor;

    private final AtomicLong seen = new AtomicLong(-1);
    private ScheduledFuture<?> poll;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 40) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        poll = executor.scheduleWithFixedDelay(this::check, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Bumps the revision inside the caller's transaction. */
    public void bump() {
        persistence
                .platform()
                .createQuery("update PlatformRevision r set r.revision = r.revision + 1 where r.name = 'plugins'")
                .executeUpdate();
    }

    @Transactional
    public long current() {
        return persistence.platform().find(PlatformRevision.class, "plugins").revision();
    }

    @Transactional
    public List<String> withdrawnReleaseIds() {
        return persistence
                .platform()
                .createQuery("select r from PluginRelease r where r.status = :s", PluginRelease.class)
                .setParameter("s", ReleaseStatus.WITHDRAWN)
                .getResultList()
                .stream()
                .map(PluginRelease::id)
                .toList();
    }

    /** Applies a moved revision on this node now (also called right after a local yank). */
    public void check() {
        try {
            long now = self.current();
            long before = seen.getAndSet(now);
            if (before == now) {
                return;
            }
            directory.invalidateAll();
            for (String releaseId : self.withdrawnReleaseIds()) {
                host.unloadRelease(new ReleaseId(releaseId));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking the plugin revision failed; retrying", e);
        }
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }
}
