package io.caravan.platform.events.application;

import io.caravan.platform.events.domain.DeliveryQueue;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's delivery loops (docs/architecture.md, "Order events"). Every
 * {@code caravan.events.poll-every}, and at once when an append commits on this node, a loop asks
 * the queue for due deliveries across stores, claims them store by store (a short transaction
 * bound to the store: {@code FOR UPDATE SKIP LOCKED}, then a lease for this node), hands each event
 * to its listener through the invoker outside any transaction, and records the outcome under the
 * claim's token; it goes on while there is due work. Up to {@code caravan.events.workers} loops run
 * at once; claims keep them, and other nodes, from delivering one delivery twice at a time.
 *
 * <p>At least once: a node that dies after the listener acknowledged but before the outcome was
 * recorded leaves a lease that passes; the delivery is then claimed again, here or elsewhere, and
 * the listener receives the same event id again.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    @Inject
    DeliveryQueue queue;

    @Inject
    DeliveryAttempts attempts;

    @Inject
    OrderEventListeners listeners;

    @Inject
    DeliveryLag lag;

    @Inject
    OutboxSettings settings;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Semaphore loops;
    private volatile boolean stopped = true;
    private ScheduledFuture<?> poll;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 70) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        loops = new Semaphore(settings.workers());
        stopped = false;
        long period = settings.pollEvery().toMillis();
        poll = executor.scheduleWithFixedDelay(this::wake, period, period, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Order event delivery started on node " + settings.nodeId() + ": " + settings.workers()
                + " loops, polling every " + settings.pollEvery() + ", retries " + settings.retryPolicy());
    }

    /**
     * Wakes this node's delivery once the current transaction has committed (nothing if it rolls
     * back): the poll would find the work anyway, waking takes the poll's wait out of the lag.
     */
    public void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /** Starts a delivery loop if one is free; otherwise a running loop looks once more before it ends. */
    public void wake() {
        if (stopped) {
            return;
        }
        again.set(true);
        startLoop(executor);
    }

    private void startLoop(Executor on) {
        Semaphore free = loops;
        if (free == null || !free.tryAcquire()) {
            return;
        }
        try {
            on.execute(() -> {
                try {
                    drain();
                } finally {
                    free.release();
                }
            });
        } catch (RuntimeException e) {
            free.release();
            LOG.log(Level.FINE, "No thread for a delivery loop now; the next poll starts one", e);
        }
    }

    private void drain() {
        while (!stopped && again.getAndSet(false)) {
            int handled;
            do {
                try {
                    handled = deliverDue();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Order event delivery failed; the next poll retries", e);
                    return;
                }
                if (handled >= settings.batch()) {
                    startLoop(executor); // a full batch: more work than one loop, let another help
                }
            } while (handled > 0 && !stopped);
        }
    }

    /**
     * One round: claims due deliveries (at most a batch) and makes one attempt at each.
     *
     * @return how many attempts were made
     */
    public int deliverDue() {
        List<DeliveryQueue.Due> due = queue.due(clock.instant(), settings.batch());
        Map<StoreRef, List<String>> byStore = new LinkedHashMap<>();
        for (DeliveryQueue.Due d : due) {
            byStore.computeIfAbsent(new StoreRef(d.storeId(), d.storeSlug()), s -> new ArrayList<>())
                    .add(d.deliveryId());
        }
        int attempted = 0;
        for (Map.Entry<StoreRef, List<String>> store : byStore.entrySet()) {
            List<DeliveryAttempts.Claim> claims;
            try {
                claims = attempts.claim(store.getKey().id(), store.getValue(), settings.nodeId());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Claiming order event deliveries of store " + store.getKey() + " failed", e);
                continue;
            }
            for (DeliveryAttempts.Claim claim : claims) {
                attempted++;
                attempt(store.getKey(), claim);
            }
        }
        return attempted;
    }

    private void attempt(StoreRef store, DeliveryAttempts.Claim claim) {
        ListenerAnswer answer;
        try {
            answer = listeners.deliver(store, claim.installationId(), claim.deliveryId(), claim.payload());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery " + claim.deliveryId() + " failed on the platform's side", e);
            answer = new ListenerAnswer.Failed("the platform could not hand the event over: "
                    + e.getClass().getSimpleName());
        }
        DeliveryAttempts.Recorded recorded;
        try {
            recorded = attempts.record(claim, answer);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "The outcome of delivery " + claim.deliveryId()
                            + " was not recorded; it is delivered again once its lease passes",
                    e);
            return;
        }
        switch (recorded) {
            case DELIVERED -> lag.acknowledged(Duration.between(claim.enqueuedAt(), clock.instant()));
            case SKIPPED -> lag.skipped();
            case RETRY_LATER -> lag.failed(false);
            case DEAD -> lag.failed(true);
            case CLAIM_LOST -> {
                lag.claimLost();
                LOG.info(() -> "Delivery " + claim.deliveryId() + " was taken over after its lease passed");
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (poll != null) {
            poll.cancel(false);
        }
    }
}
