package io.caravan.platform.marketplace.application;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.PluginRefusalException;
import io.caravan.platform.marketplace.domain.InstallationHealth;
import io.caravan.platform.marketplace.domain.InstallationHealthRepository;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.HealthReport;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls each enabled installation's {@link ExtensionPoint#HEALTH} extension (docs/architecture.md,
 * "Plugin health"): {@code caravan.plugins.health.after-change} after it was installed, upgraded,
 * rolled back, reconfigured or enabled (the installation changed after its last report), then every
 * {@code caravan.plugins.health.every}
 * (every {@code caravan.plugins.health.down-every} while DOWN), and when the merchant asks. Every
 * {@code caravan.plugins.health.poll-every} each node asks the database which checks are due across
 * stores and claims them one by one with a lease, so a check runs on one node at a time however
 * many nodes poll. The call goes through the invoker like any other (deadline, bulkhead, breaker,
 * quarantine): a check that failed, timed out or was refused is a DOWN report naming why. Moving
 * into DOWN and back out of it is written to the store's audit trail.
 */
@ApplicationScoped
public class PluginHealthChecks {
    /** The SDK promises a plugin at most one check a minute per installation; the merchant's too. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(PluginHealthChecks.class.getName());
    private static final int BATCH = 20;

    @Inject
    InstallationHealthRepository health;

    @Inject
    PluginHealthTransactions transactions;

    @Inject
    InstallationLookup lookup;

    @Inject
    PluginHost host;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "caravan.plugins.health.every", defaultValue = "PT5M")
    Duration every;

    @Inject
    @ConfigProperty(name = "caravan.plugins.health.down-every", defaultValue = "PT1M")
    Duration downEvery;

    @Inject
    @ConfigProperty(name = "caravan.plugins.health.poll-every", defaultValue = "PT2S")
    Duration pollEvery;

    /**
     * How long after a change the automatic check waits: the store's own first calls of a new
     * version or configuration (a sandboxed bundle loading into a worker) do not compete with it.
     * The merchant's "check now" does not wait.
     */
    @Inject
    @ConfigProperty(name = "caravan.plugins.health.after-change", defaultValue = "PT30S")
    Duration afterChange;

    @Resource
    ManagedScheduledExecutorService executor;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopped = true;
    private ScheduledFuture<?> poll;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 80) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        every = atLeast(every, "caravan.plugins.health.every");
        downEvery = atLeast(downEvery, "caravan.plugins.health.down-every");
        stopped = false;
        long period = Math.max(100, pollEvery.toMillis());
        poll = executor.scheduleWithFixedDelay(this::runDue, period, period, TimeUnit.MILLISECONDS);
        LOG.info(() ->
                "Plugin health checks every " + every + " (" + downEvery + " while DOWN), polling every " + pollEvery);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (poll != null) {
            poll.cancel(false);
        }
    }

    /** One poll: the due checks across stores, claimed and run one after the other while there are any. */
    void runDue() {
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            List<InstallationHealthRepository.Due> due;
            do {
                Instant now = clock.instant();
                due = health.due(now, now.minus(afterChange), BATCH);
                int ran = 0;
                for (InstallationHealthRepository.Due one : due) {
                    if (stopped) {
                        return;
                    }
                    Optional<PluginHealthTransactions.Claim> claim =
                            claim(() -> transactions.claimDue(one, afterChange));
                    if (claim.isPresent()) {
                        run(claim.get());
                        ran++;
                    }
                }
                if (ran == 0) {
                    return; // everything due is leased by other nodes (or changed since): next poll
                }
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Plugin health poll failed; the next poll tries again", e);
        } finally {
            running.set(false);
        }
    }

    /**
     * The merchant's "check now": the report of the installation as it is now, no older than a
     * minute — run at once when there is none (the SDK promises plugins at most one check a minute
     * of an unchanged installation), awaited when a check of it is running on some node.
     */
    public InstallationHealth checkNow(StoreContext store, String pluginId) {
        PluginHealthTransactions.Now now = transactions.claimNow(store, pluginId, MINIMUM_INTERVAL);
        if (now.claim() != null) {
            run(now.claim());
        } else if (now.running()) {
            awaitLease(store, now.installationId());
        }
        return transactions.find(store.storeId(), now.installationId()).orElseThrow();
    }

    /** Waits, at most a lease, for the check another thread or node is running to be recorded. */
    private void awaitLease(StoreContext store, String installationId) {
        Instant until = clock.instant().plus(PluginHealthTransactions.LEASE);
        while (clock.instant().isBefore(until)) {
            Optional<InstallationHealth> h = transactions.find(store.storeId(), installationId);
            if (h.isEmpty() || !h.get().leased(clock.instant())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The store's reports by installation id (installations never checked have none). */
    public Map<String, InstallationHealth> reports(StoreContext store) {
        return transactions.list(store.storeId()).stream()
                .collect(Collectors.toMap(InstallationHealth::installationId, Function.identity()));
    }

    public Optional<InstallationHealth> report(StoreContext store, String installationId) {
        return transactions.find(store.storeId(), installationId);
    }

    /** Runs a claimed check outside any transaction, then records its report under the claim. */
    private void run(PluginHealthTransactions.Claim claim) {
        StoreRef store = new StoreRef(claim.storeId(), claim.storeSlug());
        Optional<InstalledPlugin> installed;
        try {
            installed = lookup.answering(store).enabled().stream()
                    .filter(i -> i.installationId().value().equals(claim.installationId()))
                    .findFirst();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not read installation " + claim.installationId() + " for its health check",
                    e);
            transactions.release(claim, clock.instant().plus(downEvery));
            return;
        }
        if (installed.isEmpty()) {
            // disabled, uninstalled or its version withdrawn since it was found due: nothing to check
            transactions.release(claim, clock.instant().plus(every));
            return;
        }
        InstalledPlugin plugin = installed.get();
        String releaseId = plugin.artifact().releaseId().value();
        boolean provides =
                plugin.artifact().descriptor().extensions().stream().anyMatch(e -> e.point() == ExtensionPoint.HEALTH);
        Instant started = clock.instant();
        if (!provides) {
            transactions.record(
                    claim,
                    InstallationHealth.Status.NOT_REPORTED,
                    "version " + plugin.version() + " has no HEALTH extension",
                    releaseId,
                    plugin.version(),
                    started,
                    0,
                    started.plus(every));
            return;
        }
        long begin = System.nanoTime();
        InstallationHealth.Status status;
        String detail;
        try {
            PluginOutcome<HealthReport> outcome = host.call(
                    plugin,
                    PluginPoint.HEALTH,
                    (extension, context) -> extension.check(context),
                    () -> null,
                    Locale.ROOT);
            if (outcome.answered() && outcome.value() != null) {
                status = InstallationHealth.Status.valueOf(
                        outcome.value().status().name());
                detail = outcome.value().detail();
            } else {
                status = InstallationHealth.Status.DOWN;
                detail = outcome.failure() == null
                        ? "the health check gave no answer"
                        : "the health check failed: " + outcome.failure().message();
            }
        } catch (PluginFailedException e) {
            status = InstallationHealth.Status.DOWN;
            detail = "the health check failed: " + e.failure().message();
        } catch (PluginRefusalException e) {
            status = InstallationHealth.Status.DOWN;
            detail = "the health check was refused: " + e.getMessage();
        } catch (RuntimeException e) {
            status = InstallationHealth.Status.DOWN;
            detail = "the health check could not run: " + e.getMessage();
        }
        long took = (System.nanoTime() - begin) / 1_000_000;
        Instant checked = clock.instant();
        transactions.record(
                claim,
                status,
                detail,
                releaseId,
                plugin.version(),
                checked,
                took,
                checked.plus(status == InstallationHealth.Status.DOWN ? downEvery : every));
    }

    private static Optional<PluginHealthTransactions.Claim> claim(
            java.util.function.Supplier<Optional<PluginHealthTransactions.Claim>> attempt) {
        try {
            return attempt.get();
        } catch (RuntimeException lost) {
            // another node claimed (or made) the row at the same moment: its version moved
            LOG.log(Level.FINE, "Health check claimed elsewhere", lost);
            return Optional.empty();
        }
    }

    private static Duration atLeast(Duration configured, String name) {
        if (configured.compareTo(MINIMUM_INTERVAL) < 0) {
            LOG.warning(() -> name + "=" + configured + " is below the SDK's promise of at most one check a minute;"
                    + " using " + MINIMUM_INTERVAL);
            return MINIMUM_INTERVAL;
        }
        return configured;
    }
}
