package io.caravan.platform.events.application;

import io.caravan.platform.events.domain.DeliveryStatus;
import io.caravan.platform.marketplace.application.ModerationTransactions;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.ClusterSchedule;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
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

/**
 * Keeps finished deliveries (delivered, skipped, dead) for {@code caravan.events.retention} (14
 * days) after they finished, then deletes them, store by store in a transaction bound to the
 * store, every {@code caravan.events.purge-every} (the first run ten minutes after start, or sooner
 * when the period is shorter). An event goes with its last delivery once it is as old, except the
 * last event of its order: the next event's sequence is checked against it.
 */
@ApplicationScoped
public class EventRetention {
    /** Runs the scheduled job on one node of the cluster per period (docs/architecture.md, "Several nodes"). */
    @Inject
    ClusterSchedule cluster;

    private static final Logger LOG = Logger.getLogger(EventRetention.class.getName());
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(10);
    private static final int CHUNK = 500;

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    ModerationTransactions stores;

    @Inject
    OutboxSettings settings;

    @Inject
    EventRetention self;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> job;

    /** What one purge deleted. */
    public record Purged(int deliveries, int events) {
        Purged plus(Purged other) {
            return new Purged(deliveries + other.deliveries, events + other.events);
        }
    }

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 75) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        long period = settings.purgeEvery().toMillis();
        job = executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!cluster.claim("event-retention-purge", settings.purgeEvery())) {
                            return;
                        }
                        purge();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Purging old order event deliveries failed; the next run retries", e);
                    }
                },
                Math.min(FIRST_RUN_AFTER.toMillis(), period),
                period,
                TimeUnit.MILLISECONDS);
    }

    /** Purges every store. */
    public Purged purge() {
        Instant cutoff = clock.instant().minus(settings.retention());
        Purged total = new Purged(0, 0);
        for (int page = 0; ; page++) {
            Page<Store> batch = stores.stores(new PageRequest(page, PageRequest.MAX_SIZE));
            for (Store store : batch.items()) {
                try {
                    total = total.plus(self.purge(store.id(), cutoff));
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "Purging order events of store " + store.slug().value() + " failed",
                            e);
                }
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= batch.total()) {
                return total;
            }
        }
    }

    /** Purges one store's deliveries finished before {@code cutoff}, and the events they leave behind. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Purged purge(String storeId, Instant cutoff) {
        EntityManager em = persistence.forStore(storeId);
        int deliveries = em.createQuery(
                        "delete from EventDelivery d where d.status <> :pending" + " and d.completedAt < :cutoff")
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        List<String> events = em.createQuery(
                        "select e.id from RecordedOrderEvent e where e.recordedAt < :cutoff"
                                + " and not exists (select d.id from EventDelivery d where d.eventId = e.id)"
                                + " and exists (select l.id from RecordedOrderEvent l where l.orderId = e.orderId"
                                + " and l.sequence > e.sequence)",
                        String.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(CHUNK)
                .getResultList();
        if (!events.isEmpty()) {
            em.createQuery("delete from RecordedOrderEvent e where e.id in :ids")
                    .setParameter("ids", events)
                    .executeUpdate();
        }
        return new Purged(deliveries, events.size());
    }

    @PreDestroy
    void stop() {
        if (job != null) {
            job.cancel(false);
        }
    }
}
