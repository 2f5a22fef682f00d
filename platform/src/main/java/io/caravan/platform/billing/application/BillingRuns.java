package io.caravan.platform.billing.application;

import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.UsageMeter;
import io.caravan.platform.marketplace.application.ModerationTransactions;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the invoker's usage counts into the database every minute, and runs billing (subscription
 * months and completed usage months) for every store every hour and on demand. Each store is
 * billed in its own transaction; runs are idempotent.
 */
@ApplicationScoped
public class BillingRuns {
    private static final Logger LOG = Logger.getLogger(BillingRuns.class.getName());

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

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    /** What a billing run did. */
    public record RunResult(Instant asOf, int stores, int charges) {}

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 50) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        schedules.add(executor.scheduleWithFixedDelay(this::flushQuietly, 60, 60, TimeUnit.SECONDS));
        schedules.add(executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        run(clock.instant());
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Billing run failed; the next one retries", e);
                    }
                },
                5,
                60,
                TimeUnit.MINUTES));
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
