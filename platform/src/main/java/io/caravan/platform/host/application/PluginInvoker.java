package io.caravan.platform.host.application;

import dev.failsafe.Bulkhead;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerConfig;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.PluginRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one way platform code calls a plugin (docs/architecture.md, "One invoker"). For each call it resolves the
 * store's installation, refuses at once when the version is quarantined, the store's bulkhead for
 * the installation is full or its circuit breaker open, loads the bundle if this node has not yet,
 * and runs the extension on a plugin thread with the bundle's class loader as TCCL, waiting no
 * longer than the extension point's deadline. Failures map to the policy the plugin declared for
 * the point; refusals ({@link PluginRejectedException}) pass through as answers.
 *
 * <p>Why a separate thread: nothing in a JVM can stop a runaway plugin (no {@code Thread.stop}), so the only way
 * to keep a deadline is to stop waiting. The plugin thread keeps its bulkhead permit until it
 * really returns, so a store whose plugin hangs runs out of permits and fails fast, without taking
 * threads from other stores beyond its bulkhead.
 *
 * <p>Bulkhead and breaker are per (store, installation), created on the installation's first call;
 * quarantine is per version, across stores (see {@link Quarantine}).
 */
public final class PluginInvoker implements AutoCloseable {
    private static final int MAX_MESSAGE = 300;

    private final PluginDirectory directory;
    private final PluginRuntime runtime;
    private final InvokerSettings settings;
    private final Clock clock;
    private final InvocationMetrics metrics = new InvocationMetrics();
    private final UsageMeter usage = new UsageMeter();
    private final Quarantine quarantine;
    private final ThreadPoolExecutor threads;
    private final CircuitBreakerConfig<Object> breakerConfig;
    private final Map<InstallationId, Guard> guards = new ConcurrentHashMap<>();
    private final PluginServices services;

    /** The bulkhead and breaker of one (store, installation). */
    private record Guard(Bulkhead<Object> bulkhead, CircuitBreaker<Object> breaker) {}

    public PluginInvoker(PluginDirectory directory, PluginRuntime runtime, InvokerSettings settings, Clock clock) {
        this(directory, runtime, settings, clock, PluginServices.NONE, null);
    }

    /**
     * @param services      storage and egress lent to plugins per call
     * @param threadFactory where plugin threads come from (the container's managed factory in the
     *                      server, so storage calls have a transaction context); null for plain threads
     */
    public PluginInvoker(
            PluginDirectory directory,
            PluginRuntime runtime,
            InvokerSettings settings,
            Clock clock,
            PluginServices services,
            ThreadFactory threadFactory) {
        this.services = services;
        this.directory = directory;
        this.runtime = runtime;
        this.settings = settings;
        this.clock = clock;
        this.quarantine = new Quarantine(
                settings.quarantineStores(), settings.quarantineWindow(), settings.quarantineFor(), clock);
        this.breakerConfig = CircuitBreaker.builder()
                .withFailureThreshold(settings.breakerFailures(), settings.breakerWindow())
                .withDelay(settings.breakerOpenFor())
                .withSuccessThreshold(1)
                .build()
                .getConfig();
        AtomicInteger counter = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(
                Math.min(settings.maxThreads(), 2 * Runtime.getRuntime().availableProcessors()),
                settings.maxThreads(),
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = threadFactory == null ? new Thread(runnable) : threadFactory.newThread(runnable);
                    thread.setName("caravan-plugin-" + counter.incrementAndGet());
                    if (threadFactory == null) {
                        thread.setDaemon(true);
                    }
                    return thread;
                });
    }

    /**
     * Calls the store's first enabled provider of a point.
     *
     * @param fallback the platform's answer for {@link FailurePolicy#FALLBACK}; null if the step has none
     * @throws NoPluginInstalledException when the store has no provider of the point
     * @throws PluginFailedException      when the call failed and the policy is fail-closed (or fallback without one)
     * @throws PluginRefusalException     when the plugin refused
     */
    public <E, R> PluginOutcome<R> invoke(
            StoreRef store, PluginPoint<E> point, PluginCall<E, R> call, Supplier<R> fallback) {
        List<InstalledPlugin> providers = directory.providers(store, point.point());
        if (providers.isEmpty()) {
            throw new NoPluginInstalledException(store.slug(), point.point());
        }
        return invoke(providers.get(0), point, call, fallback, Locale.ROOT);
    }

    /**
     * Calls one installation's extension for a point: admission (quarantine, bulkhead, breaker),
     * then execution (plugin thread, deadline, TCCL); see {@link #invoke(StoreRef, PluginPoint, PluginCall, Supplier)}.
     */
    public <E, R> PluginOutcome<R> invoke(
            InstalledPlugin installed,
            PluginPoint<E> point,
            PluginCall<E, R> call,
            Supplier<R> fallback,
            Locale locale) {
        FailurePolicy policy = installed
                .artifact()
                .descriptor()
                .extension(point.point())
                .map(Extension::failurePolicy)
                .orElseThrow(() -> new IllegalArgumentException(installed.pluginId() + " does not provide " + point));
        Admission admission = admit(installed, point.point());
        if (admission.refusal() != null) {
            return fail(installed, point.point(), policy, admission.refusal(), admission.reason(), -1, fallback);
        }
        return execute(installed, point, policy, admission.guard(), call, fallback, locale);
    }

    /**
     * Whether a call may start: the version is not quarantined, the store has a bulkhead place for
     * the installation (taken here: the caller must give it back unless a plugin thread took it
     * over) and its breaker lets calls through.
     *
     * @param guard   the installation's guard, its bulkhead permit held; null when refused
     * @param refusal why the call may not start; null when admitted
     */
    private record Admission(Guard guard, FailureKind refusal, String reason) {}

    private Admission admit(InstalledPlugin installed, ExtensionPoint point) {
        Optional<Instant> quarantined =
                quarantine.quarantinedUntil(installed.artifact().releaseId());
        if (quarantined.isPresent()) {
            return new Admission(
                    null,
                    FailureKind.QUARANTINED,
                    "this version is quarantined until " + quarantined.get() + " after timing out for several stores");
        }
        Guard guard = guards.computeIfAbsent(
                installed.installationId(),
                id -> new Guard(
                        Bulkhead.builder(settings.maxConcurrentCalls()).build(),
                        CircuitBreaker.builder(breakerConfig).build()));
        if (!guard.bulkhead().tryAcquirePermit()) {
            return new Admission(
                    null,
                    FailureKind.BULKHEAD_FULL,
                    "the store already has " + settings.maxConcurrentCalls() + " calls in flight to this plugin");
        }
        if (!guard.breaker().tryAcquirePermit()) {
            guard.bulkhead().releasePermit();
            return new Admission(
                    null,
                    FailureKind.CIRCUIT_OPEN,
                    "calls are suspended for this store after repeated" + " failures; retried after "
                            + settings.breakerOpenFor().toSeconds() + " s");
        }
        return new Admission(guard, null, null);
    }

    /**
     * Runs an admitted call on a plugin thread and waits no longer than the point's deadline. The
     * bulkhead permit passes to the plugin thread once it is handed over, and is released when the
     * plugin really returns (see the class comment); until then it is released here.
     */
    private <E, R> PluginOutcome<R> execute(
            InstalledPlugin installed,
            PluginPoint<E> key,
            FailurePolicy policy,
            Guard guard,
            PluginCall<E, R> call,
            Supplier<R> fallback,
            Locale locale) {
        ExtensionPoint point = key.point();
        boolean handedOff = false;
        try {
            LoadedPlugin plugin;
            try {
                plugin = runtime.loaded(installed.artifact());
            } catch (PluginLoadException e) {
                guard.breaker().recordFailure();
                return fail(installed, point, policy, FailureKind.UNAVAILABLE, truncate(e.getMessage()), -1, fallback);
            }
            E extension = key.type()
                    .cast(plugin.extension(point)
                            .orElseThrow(() -> new IllegalStateException(
                                    installed.pluginId() + " has no loaded extension for " + point)));
            Duration deadline = settings.deadline(point);
            Instant deadlineAt = clock.instant().plus(deadline);
            HostPluginContext context = new HostPluginContext(
                    installed,
                    point,
                    clock,
                    deadlineAt,
                    locale,
                    services.storage(installed),
                    services.egress(installed, deadlineAt));
            long started = System.nanoTime();
            Future<R> future;
            try {
                future = threads.submit(() -> run(plugin.classLoader(), extension, context, call, guard));
                handedOff = true;
            } catch (RejectedExecutionException e) {
                return fail(
                        installed,
                        point,
                        policy,
                        FailureKind.UNAVAILABLE,
                        "no plugin thread is free on this node",
                        -1,
                        fallback);
            }
            return await(installed, point, policy, guard, future, deadline, started, fallback);
        } finally {
            if (!handedOff) {
                guard.bulkhead().releasePermit();
            }
        }
    }

    private <R> PluginOutcome<R> await(
            InstalledPlugin installed,
            ExtensionPoint point,
            FailurePolicy policy,
            Guard guard,
            Future<R> future,
            Duration deadline,
            long started,
            Supplier<R> fallback) {
        try {
            R value = future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            long took = System.nanoTime() - started;
            if (value == null) {
                guard.breaker().recordFailure();
                return fail(installed, point, policy, FailureKind.ERROR, "the plugin returned nothing", took, fallback);
            }
            guard.breaker().recordSuccess();
            metrics.answered(installed, point, took);
            if (point != ExtensionPoint.HEALTH) {
                usage.record(installed);
            }
            return new PluginOutcome<>(
                    value,
                    PluginOutcome.Status.ANSWERED,
                    null,
                    installed.pluginId().value(),
                    installed.version());
        } catch (TimeoutException e) {
            future.cancel(true);
            guard.breaker().recordFailure();
            quarantine.recordTimeout(
                    installed.artifact().releaseId(),
                    installed.pluginId() + " " + installed.version(),
                    installed.store().id());
            return fail(
                    installed,
                    point,
                    policy,
                    FailureKind.TIMEOUT,
                    "no answer within the " + deadline.toMillis() + " ms deadline of " + point,
                    System.nanoTime() - started,
                    fallback);
        } catch (ExecutionException e) {
            long took = System.nanoTime() - started;
            Throwable cause = e.getCause();
            if (cause instanceof PluginRejectedException rejected) {
                guard.breaker().recordSuccess();
                metrics.refused(installed, point, took);
                throw new PluginRefusalException(
                        installed.pluginId().value(), rejected.code(), truncate(rejected.getMessage()));
            }
            guard.breaker().recordFailure();
            return fail(
                    installed,
                    point,
                    policy,
                    FailureKind.ERROR,
                    "the plugin failed: "
                            + truncate(cause.getClass().getSimpleName()
                                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())),
                    took,
                    fallback);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return fail(installed, point, policy, FailureKind.UNAVAILABLE, "the request was interrupted", -1, fallback);
        }
    }

    private static <E, R> R run(
            ClassLoader bundleLoader, E extension, HostPluginContext context, PluginCall<E, R> call, Guard guard)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try {
            return call.apply(extension, context);
        } finally {
            thread.setContextClassLoader(previous);
            Thread.interrupted(); // a cancelled call must not leave its interrupt to the next one
            guard.bulkhead().releasePermit();
        }
    }

    private <R> PluginOutcome<R> fail(
            InstalledPlugin installed,
            ExtensionPoint point,
            FailurePolicy policy,
            FailureKind kind,
            String message,
            long nanos,
            Supplier<R> fallback) {
        metrics.failed(installed, point, kind, nanos);
        PluginFailure failure =
                new PluginFailure(kind, installed.pluginId().value(), installed.version(), point, message);
        return switch (policy) {
            case FAIL_CLOSED -> throw new PluginFailedException(failure);
            case FAIL_OPEN ->
                new PluginOutcome<>(
                        null,
                        PluginOutcome.Status.SKIPPED,
                        failure,
                        installed.pluginId().value(),
                        installed.version());
            case FALLBACK -> {
                if (fallback == null) {
                    throw new PluginFailedException(failure);
                }
                yield new PluginOutcome<>(
                        fallback.get(),
                        PluginOutcome.Status.FELL_BACK,
                        failure,
                        installed.pluginId().value(),
                        installed.version());
            }
        };
    }

    private static String truncate(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }

    public PluginDirectory directory() {
        return directory;
    }

    /** Forgets the guards of an installation (uninstalled); its in-flight calls finish on their own. */
    public void forget(InstallationId installationId) {
        guards.remove(installationId);
    }

    public UsageMeter usage() {
        return usage;
    }

    public InvocationMetrics metrics() {
        return metrics;
    }

    public Quarantine quarantine() {
        return quarantine;
    }

    public PluginRuntime runtime() {
        return runtime;
    }

    public InvokerSettings settings() {
        return settings;
    }

    /** Plugin threads busy now (including ones still running calls nobody waits for any more). */
    public int busyThreads() {
        return threads.getActiveCount();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
