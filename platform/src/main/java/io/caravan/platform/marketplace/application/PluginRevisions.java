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
 * How a change every node must apply reaches every node (docs/architecture.md, "Several nodes"):
 * the change bumps a revision in the database in its own transaction — {@code plugins} for a
 * release's status or build (a yank, a certification), {@code installations} for a store's
 * installations, configurations and answering rules. The counters are the truth. On PostgreSQL a
 * trigger notifies {@code caravan_revisions} at commit and the node's listener calls {@link #check()}
 * at once; every node also polls every {@value #POLL_MILLIS} ms, which catches whatever a node
 * missed while its listening connection was down (and is the only path on H2). When a counter moved,
 * the node drops its cached installations; when {@code plugins} moved, it also unloads the bundles
 * of withdrawn versions.
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

    static final String PLUGINS = "plugins";
    static final String INSTALLATIONS = "installations";

    private final AtomicLong seenPlugins = new AtomicLong(-1);
    private final AtomicLong seenInstallations = new AtomicLong(-1);
    private ScheduledFuture<?> poll;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 40) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        poll = executor.scheduleWithFixedDelay(this::check, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Bumps the {@code plugins} revision (a release changed) inside the caller's transaction. */
    public void bump() {
        bump(PLUGINS);
    }

    /**
     * Bumps the {@code installations} revision (a store's installations, configuration or rules
     * changed) inside the caller's transaction. The row stays locked until that transaction ends, so
     * such changes commit one after the other across the cluster and a node that read revision n has
     * seen every change up to n.
     */
    public void bumpInstallations() {
        bump(INSTALLATIONS);
    }

    private void bump(String name) {
        persistence
                .platform()
                .createQuery("update PlatformRevision r set r.revision = r.revision + 1 where r.name = :name")
                .setParameter("name", name)
                .executeUpdate();
    }

    /** Both counters, read in one transaction. */
    @Transactional
    public long[] current() {
        return new long[] {
            persistence.platform().find(PlatformRevision.class, PLUGINS).revision(),
            persistence.platform().find(PlatformRevision.class, INSTALLATIONS).revision()
        };
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

    /**
     * Applies a moved revision on this node now: called by the poll, by the PostgreSQL listener when
     * a notification arrives, and right after a local yank. Serialised, so that a slower check can
     * never record an older revision after a newer one was applied.
     */
    public synchronized void check() {
        try {
            long[] now = self.current();
            boolean releasesMoved = seenPlugins.get() != now[0];
            boolean installationsMoved = seenInstallations.get() != now[1];
            if (!releasesMoved && !installationsMoved) {
                return;
            }
            directory.invalidateAll();
            if (releasesMoved) {
                for (String releaseId : self.withdrawnReleaseIds()) {
                    host.unloadRelease(new ReleaseId(releaseId));
                }
            }
            // Recorded once applied: a failed check is retried by the next one.
            seenPlugins.set(now[0]);
            seenInstallations.set(now[1]);
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
