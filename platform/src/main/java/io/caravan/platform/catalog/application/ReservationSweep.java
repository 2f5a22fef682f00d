package io.caravan.platform.catalog.application;

import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.ClusterSchedule;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Releases expired checkout holds every {@code caravan.catalog.reservation-sweep-every} (a minute
 * by default), store by store, each store in its own transaction (row-level security binds one
 * store per transaction). Safe on several nodes at once: a line is released under its stock row's
 * lock and deleted, so a second sweep finds it gone.
 */
@ApplicationScoped
public class ReservationSweep {
    /** Runs the scheduled job on one node of the cluster per period (docs/architecture.md, "Several nodes"). */
    @Inject
    ClusterSchedule cluster;

    private static final Logger LOG = Logger.getLogger(ReservationSweep.class.getName());

    @Inject
    StockReservations reservations;

    @Inject
    StoreRepository stores;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "caravan.catalog.reservation-sweep-every", defaultValue = "PT1M")
    Duration sweepEvery;

    private ScheduledFuture<?> schedule;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 60) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (sweepEvery.isNegative() || sweepEvery.isZero()) {
            throw new IllegalStateException(
                    "caravan.catalog.reservation-sweep-every must be a positive duration, not " + sweepEvery);
        }
        long period = sweepEvery.toMillis();
        schedule = executor.scheduleWithFixedDelay(this::sweepQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /** Releases every store's expired holds now; how many lines. */
    public int sweep() {
        int released = 0;
        for (int page = 0; ; page++) {
            Page<Store> batch = storePage(page);
            for (Store store : batch.items()) {
                try {
                    released += reservations.releaseExpired(store.id(), clock.instant());
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "Releasing expired holds of " + store.slug().value() + " failed; the next sweep retries",
                            e);
                }
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= batch.total()) {
                return released;
            }
        }
    }

    /** The tenant directory (platform-owned), read without a store bound. */
    private Page<Store> storePage(int page) {
        return stores.search(null, null, new PageRequest(page, PageRequest.MAX_SIZE));
    }

    private void sweepQuietly() {
        try {
            if (!cluster.claim("reservation-sweep", sweepEvery)) {
                return;
            }
            int released = sweep();
            if (released > 0) {
                LOG.info(() -> "Released " + released + " expired stock reservation lines");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reservation sweep failed; the next one retries", e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
