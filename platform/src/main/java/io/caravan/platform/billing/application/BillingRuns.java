package io.caravan.platform.billing.application;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.UsageMeter;
import io.caravan.platform.marketplace.application.ModerationTransactions;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.ClusterSchedule;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.tenancy.domain.Store;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves the invoker's usage counts into the database every minute, and runs billing (subscription
 * months and completed usage months) for every store every {@code caravan.billing.run-every} (an
 * hour by default; the first run five minutes after start, or sooner when the period is shorter)
 * and on demand. Each store is billed in its own transaction, which holds the store's row lock, so
 * two runs at once (two requests, the schedule and a request, two nodes) bill a store one after
 * the other and the second finds nothing left to charge; runs are idempotent.
 */
@ApplicationScoped
public class BillingRuns {
    /** Runs the scheduled job on one node of the cluster per period (docs/architecture.md, "Several nodes"). */
    @Inject
    ClusterSchedule cluster;

    private static final Logger LOG = Logger.getLogger(BillingRuns.class.getName());
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(5);

    @Inject
    PluginHost host;

    @Inject
    StoreBilling storeBilling;

    @Inject
    ModerationTransactions stores;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    /** The period of the scheduled billing run. */
    @Inject
    @ConfigProperty(name = "caravan.billing.run-every", defaultValue = "PT1H")
    Duration runEvery;

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    /** What a billing run did. */
    public record RunResult(Instant asOf, int stores, int charges) {}

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 50) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        schedules.add(executor.scheduleWithFixedDelay(this::flushQuietly, 60, 60, TimeUnit.SECONDS));
        if (runEvery.isNegative() || runEvery.isZero()) {
            throw new IllegalStateException("caravan.billing.run-every must be a positive duration, not " + runEvery);
        }
        long period = runEvery.toMillis();
        schedules.add(executor.scheduleWithFixedDelay(
                this::runQuietly, Math.min(FIRST_RUN_AFTER.toMillis(), period), period, TimeUnit.MILLISECONDS));
    }

    /** The scheduled run: bills every store as of now; a failure is logged and the next run retries. */
    void runQuietly() {
        try {
            if (!cluster.claim("billing-run", runEvery)) {
                return;
            }
            run(clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Billing run failed; the next one retries", e);
        }
    }

    /** Stores the usage counted since the last flush; a count that cannot be stored is kept for the next. */
    public int flushUsage() {
        UsageMeter meter = host.usage();
        int stored = 0;
        Instant now = clock.instant();
        for (UsageMeter.Usage usage : meter.drain()) {
            try {
                storeBilling.addUsage(usage.storeId(), usage.pluginId(), usage.calls(), now);
                stored++;
            } catch (RuntimeException e) {
                meter.giveBack(usage);
                LOG.log(Level.WARNING, "Usage of " + usage.pluginId() + " not stored yet; kept for the next flush", e);
            }
        }
        return stored;
    }

    private void flushQuietly() {
        try {
            flushUsage();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Usage flush failed", e);
        }
    }

    /** Bills every store as of {@code asOf}. */
    public RunResult run(Instant asOf) {
        flushUsage();
        int storeCount = 0;
        int charges = 0;
        for (int page = 0; ; page++) {
            Page<Store> batch = stores.stores(new PageRequest(page, PageRequest.MAX_SIZE));
            for (Store store : batch.items()) {
                storeCount++;
                try {
                    charges += storeBilling.bill(store.id(), asOf);
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "Billing store " + store.slug().value() + " failed; the next run retries",
                            e);
                }
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= batch.total()) {
                break;
            }
        }
        return new RunResult(asOf, storeCount, charges);
    }

    @PreDestroy
    void stop() {
        schedules.forEach(s -> s.cancel(false));
    }
}
