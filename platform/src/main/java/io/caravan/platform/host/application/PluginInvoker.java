package io.caravan.platform.host.application;

import dev.failsafe.Bulkhead;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.SealedPluginContext;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.PluginRejectedException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way platform code calls a plugin (docs/architecture.md, "One invoker"). For each call it resolves the
 * store's installation, refuses at once when the version is quarantined, the store's bulkhead for
 * the installation is full or its circuit breaker open, loads the bundle if this node has not yet,
 * and runs the extension with the bundle's class loader as TCCL, keeping the extension point's
 * deadline. Failures map to the policy the plugin declared for the point; refusals
 * ({@link PluginRejectedException}) pass through as answers.
 *
 * <p>How the deadline is kept depends on the version's {@link Tier}:
 *
 * <ul>
 *   <li>{@link Tier#IN_PROCESS} (certified code): the extension runs <em>inline, on the caller's
 *       thread</em>. One watchdog thread for the whole invoker watches the inline calls in flight;
 *       the moment one passes its deadline it counts the timeout (breaker failure, quarantine,
 *       metrics), interrupts the caller's thread and tells the overrun listener (which moves the
 *       version to the isolated tier). When the late call returns, its answer is discarded and the
 *       caller gets the point's failure policy for a timeout, as the hand-off would have given at
 *       the deadline. This saves the thread hand-off (+25 to +38 µs at the median on a loaded
 *       2-vCPU machine, against +1.3 to +1.9 µs inline; BENCHMARKS.md, issue #9) but cannot stop a
 *       runaway: nothing in a JVM can (no {@code Thread.stop}), so a hung certified call holds its
 *       caller's thread, and its bulkhead permit, until it returns.
 *       That is acceptable only for code that passed certification, whose overrun is a rare bug
 *       that the listener then isolates; never for untrusted code.
 *   <li>{@link Tier#ISOLATED} (uncertified code in sandbox worker processes): the call is handed to
 *       a plugin thread and the caller stops waiting at the deadline. The extension is a proxy that
 *       blocks on a worker process and kills it on overrun, so the caller is never held. The plugin
 *       thread keeps its bulkhead permit until the proxy really returns, so a store whose plugin
 *       hangs runs out of permits and fails fast, without taking threads from other stores beyond
 *       its bulkhead.
 * </ul>
 *
 * <p>Bulkhead and breaker are per (store, installation), created on the installation's first call;
 * quarantine is per version, across stores (see {@link Quarantine}).
 */
public final class PluginInvoker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginInvoker.class.getName());
    private static final int MAX_MESSAGE = 300;
    /**
     * The watchdog parks until the earliest deadline in flight, but never longer than this: a call
     * registered while it parks has a deadline no sooner than the point's own, and a clock that
     * jumped is noticed within this much.
     */
    private static final long WATCHDOG_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final PluginDirectory directory;
    private final PluginRuntime runtime;
    private final InvokerSettings settings;
    private final Clock clock;
    private final InvocationMetrics metrics = new InvocationMetrics();
    private final UsageMeter usage = new UsageMeter();
    private final Quarantine quarantine;
    private final ThreadPoolExecutor threads;
    private final Map<InstallationId, Guard> guards = new ConcurrentHashMap<>();
    private final PluginServices services;
    private final Consumer<PluginArtifact> overrunListener;
    /** Inline calls in flight, watched by {@link #watchdog}; identity keys, one entry per call. */
    private final Set<InlineCall> inFlight = ConcurrentHashMap.newKeySet();

    private final Thread watchdog;
    private volatile boolean closed;

    /** The bulkhead and breaker of one (store, installation). */
    private record Guard(Bulkhead<Object> bulkhead, Breaker breaker) {}

    public PluginInvoker(PluginDirectory directory, PluginRuntime runtime, InvokerSettings settings, Clock clock) {
        this(directory, runtime, settings, clock, PluginServices.NONE, null);
    }

    /**
     * @param services      storage and egress lent to plugins per call
     * @param threadFactory where plugin threads and the watchdog come from (the container's managed
     *                      factory in the server, so storage calls have a transaction context); null
     *                      for plain threads
     */
    public PluginInvoker(
            PluginDirectory directory,
            PluginRuntime runtime,
            InvokerSettings settings,
            Clock clock,
            PluginServices services,
            ThreadFactory threadFactory) {
        this(directory, runtime, settings, clock, services, threadFactory, artifact -> {});
    }

    /**
     * @param overrunListener told, on the watchdog thread, of each inline (certified) call that passed
     *                        its deadline, once per call; it must return quickly (hand heavy work on)
     */
    public PluginInvoker(
            PluginDirectory directory,
            PluginRuntime runtime,
            InvokerSettings settings,
            Clock clock,
            PluginServices services,
            ThreadFactory threadFactory,
            Consumer<PluginArtifact> overrunListener) {
        this.services = services;
        this.overrunListener = Objects.requireNonNull(overrunListener, "overrunListener");
        this.directory = directory;
        this.runtime = runtime;
        this.settings = settings;
        this.clock = clock;
        this.quarantine = new Quarantine(
                settings.quarantineStores(), settings.quarantineWindow(), settings.quarantineFor(), clock);
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
        this.watchdog = threadFactory == null ? new Thread(this::watch) : threadFactory.newThread(this::watch);
        watchdog.setName("caravan-plugin-watchdog");
        if (threadFactory == null) {
            watchdog.setDaemon(true);
        }
        watchdog.start();
    }

    /**
     * Calls the store's first answering provider of a point for a call about nothing in particular
     * ({@link RoutingFacts#NONE}).
     *
     * @see #invoke(StoreRef, PluginPoint, RoutingFacts, PluginCall, Supplier)
     */
    public <E, R> PluginOutcome<R> invoke(
            StoreRef store, PluginPoint<E> point, PluginCall<E, R> call, Supplier<R> fallback) {
        return invoke(store, point, RoutingFacts.NONE, call, fallback);
    }

    /**
     * Calls the installation that answers a point for the store and these facts (the first the
     * directory names: the store's answering rules decide).
     *
     * @param fallback the platform's answer for {@link FailurePolicy#FALLBACK}; null if the step has none
     * @throws NoPluginInstalledException when no installation of the store answers the point for these facts
     * @throws PluginFailedException      when the call failed and the policy is fail-closed (or fallback without one)
     * @throws PluginRefusalException     when the plugin refused
     */
    public <E, R> PluginOutcome<R> invoke(
            StoreRef store, PluginPoint<E> point, RoutingFacts facts, PluginCall<E, R> call, Supplier<R> fallback) {
        List<InstalledPlugin> providers = directory.providers(store, point.point(), facts);
        if (providers.isEmpty()) {
            throw directory
                    .whyNobodyAnswers(store, point.point(), facts)
                    .map(why -> new NoPluginInstalledException(store.slug(), point.point(), why))
                    .orElseGet(() -> new NoPluginInstalledException(store.slug(), point.point()));
        }
        return invoke(providers.get(0), point, call, fallback, Locale.ROOT);
    }

    /**
     * Calls one installation's extension for a point: admission (quarantine, bulkhead, breaker),
     * then execution (inline or on a plugin thread by tier, deadline, TCCL); see
     * {@link #invoke(StoreRef, PluginPoint, PluginCall, Supplier)}.
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
     * the installation (taken here: the caller must give it back unless the inline call or a plugin
     * thread took it over) and its breaker lets calls through.
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
                        new Breaker(
                                settings.breakerFailures(),
                                settings.breakerWindow(),
                                settings.breakerOpenFor(),
                                clock)));
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
     * Runs an admitted call and keeps the point's deadline: inline on the caller's thread for an
     * {@link Tier#IN_PROCESS} version, on a plugin thread otherwise (see the class comment). The
     * bulkhead permit is released when the plugin really returns: by the inline call itself, or by
     * the plugin thread once the call was handed over; until then it is released here.
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
        boolean permitPassed = false;
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
            if (plugin.claimFirstCall()) {
                deadline = deadline.plus(settings.firstCallAllowance());
            }
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
            if (plugin.tier() == Tier.IN_PROCESS) {
                InlineCall watched =
                        new InlineCall(Thread.currentThread(), installed, point, guard, deadline, deadlineAt, started);
                permitPassed = true;
                return inline(watched, policy, plugin.classLoader(), extension, context, call, fallback);
            }
            Future<R> future;
            try {
                future = threads.submit(() -> run(plugin.classLoader(), extension, context, call, guard));
                permitPassed = true;
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
            if (!permitPassed) {
                guard.bulkhead().releasePermit();
                guard.breaker().releasePermit(); // a half-open breaker's trial that never ran
            }
        }
    }

    /**
     * Runs a certified call on the caller's thread, watched by the {@link #watchdog}. Whoever of the
     * two settles the call first reports it: the caller when the plugin returned in time, the
     * watchdog when the deadline passed first; then the late answer is discarded here and the
     * caller gets the policy's outcome for the timeout the watchdog already counted.
     */
    private <E, R> PluginOutcome<R> inline(
            InlineCall watched,
            FailurePolicy policy,
            ClassLoader bundleLoader,
            E extension,
            HostPluginContext context,
            PluginCall<E, R> call,
            Supplier<R> fallback) {
        Thread thread = watched.thread;
        boolean interruptedBefore = thread.isInterrupted();
        ClassLoader previous = thread.getContextClassLoader();
        R value = null;
        Throwable thrown = null;
        try {
            inFlight.add(watched);
            thread.setContextClassLoader(bundleLoader);
            value = call.apply(extension, SealedPluginContext.of(context));
        } catch (Throwable e) { // as a plugin thread's FutureTask would: anything the plugin throws is its failure
            thrown = e;
        } finally {
            thread.setContextClassLoader(previous);
            inFlight.remove(watched);
            watched.guard.bulkhead().releasePermit();
        }
        long took = System.nanoTime() - watched.started;
        if (!watched.returnInTime()) {
            watched.awaitSettled();
            Thread.interrupted(); // the watchdog's interrupt belongs to this call, not to the caller
            if (interruptedBefore) {
                thread.interrupt();
            }
            return outcome(
                    watched.installed, policy, timeout(watched.installed, watched.point, watched.deadline), fallback);
        }
        if (thrown == null) {
            return answered(watched.installed, watched.point, policy, watched.guard, value, took, fallback);
        }
        return threw(watched.installed, watched.point, policy, watched.guard, thrown, took, fallback);
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
            return answered(installed, point, policy, guard, value, System.nanoTime() - started, fallback);
        } catch (TimeoutException e) {
            future.cancel(true);
            recordTimeout(installed, point, guard, System.nanoTime() - started);
            return outcome(installed, policy, timeout(installed, point, deadline), fallback);
        } catch (ExecutionException e) {
            return threw(installed, point, policy, guard, e.getCause(), System.nanoTime() - started, fallback);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            guard.breaker().releasePermit(); // no outcome: the caller, not the plugin, gave up
            return fail(installed, point, policy, FailureKind.UNAVAILABLE, "the request was interrupted", -1, fallback);
        }
    }

    /** A call that returned in time with a value (null is a failure). */
    private <R> PluginOutcome<R> answered(
            InstalledPlugin installed,
            ExtensionPoint point,
            FailurePolicy policy,
            Guard guard,
            R value,
            long took,
            Supplier<R> fallback) {
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
                installed.installationId().value(),
                installed.pluginId().value(),
                installed.version());
    }

    /** A call that threw in time: a refusal passes through as an answer, anything else is a failure. */
    private <R> PluginOutcome<R> threw(
            InstalledPlugin installed,
            ExtensionPoint point,
            FailurePolicy policy,
            Guard guard,
            Throwable cause,
            long took,
            Supplier<R> fallback) {
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
    }

    /** Counts a timeout, once per call: breaker failure, quarantine, metrics. */
    private void recordTimeout(InstalledPlugin installed, ExtensionPoint point, Guard guard, long took) {
        guard.breaker().recordFailure();
        quarantine.recordTimeout(
                installed.artifact().releaseId(),
                installed.pluginId() + " " + installed.version(),
                installed.store().id());
        metrics.failed(installed, point, FailureKind.TIMEOUT, took);
    }

    private static PluginFailure timeout(InstalledPlugin installed, ExtensionPoint point, Duration deadline) {
        return new PluginFailure(
                FailureKind.TIMEOUT,
                installed.pluginId().value(),
                installed.version(),
                point,
                "no answer within the " + deadline.toMillis() + " ms deadline of " + point);
    }

    private static <E, R> R run(
            ClassLoader bundleLoader, E extension, HostPluginContext context, PluginCall<E, R> call, Guard guard)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(bundleLoader);
        try {
            return call.apply(extension, SealedPluginContext.of(context));
        } finally {
            thread.setContextClassLoader(previous);
            Thread.interrupted(); // a cancelled call must not leave its interrupt to the next one
            guard.bulkhead().releasePermit();
        }
    }

    /**
     * An inline call as the watchdog sees it. Its state decides, once, who reports the call:
     * RUNNING → RETURNED when the caller got back in time; RUNNING → OVERRUN → SETTLED when the
     * watchdog saw the deadline pass first (SETTLED once the timeout is counted and the caller's
     * thread interrupted, so the caller may then clear that interrupt).
     */
    private static final class InlineCall {
        private static final int RUNNING = 0;
        private static final int RETURNED = 1;
        private static final int OVERRUN = 2;
        private static final int SETTLED = 3;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(InlineCall.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Thread thread;
        final InstalledPlugin installed;
        final ExtensionPoint point;
        final Guard guard;
        final Duration deadline;
        /** Epoch millis on the invoker's clock; the call is overrun once the clock is past it. */
        final long deadlineAt;
        /** {@link System#nanoTime()} at the start. */
        final long started;

        private volatile int state;

        InlineCall(
                Thread thread,
                InstalledPlugin installed,
                ExtensionPoint point,
                Guard guard,
                Duration deadline,
                Instant deadlineAt,
                long started) {
            this.thread = thread;
            this.installed = installed;
            this.point = point;
            this.guard = guard;
            this.deadline = deadline;
            this.deadlineAt = deadlineAt.toEpochMilli();
            this.started = started;
        }

        /** The caller's claim: true when it returned before the watchdog reported it. */
        boolean returnInTime() {
            return STATE.compareAndSet(this, RUNNING, RETURNED);
        }

        /** The watchdog's claim: true when the call had not returned yet. */
        boolean overrun() {
            return STATE.compareAndSet(this, RUNNING, OVERRUN);
        }

        void settled() {
            state = SETTLED;
        }

        /** Waits the few instructions between the watchdog's claim and its interrupt. */
        void awaitSettled() {
            for (int spins = 0; state != SETTLED; spins++) {
                if (spins < 100) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
    }

    /**
     * The watchdog: scans the inline calls in flight, reports each one whose deadline passed, and
     * parks until the next deadline (at most {@link #WATCHDOG_MAX_PARK_NANOS}). Registering a call
     * costs the caller a set insertion and removal, never a wake-up of this thread.
     */
    private void watch() {
        while (!closed) {
            try {
                long now = clock.millis();
                long next = Long.MAX_VALUE;
                for (InlineCall watched : inFlight) {
                    if (now > watched.deadlineAt) {
                        if (watched.overrun()) {
                            report(watched);
                        }
                    } else {
                        next = Math.min(next, watched.deadlineAt);
                    }
                }
                long park = next == Long.MAX_VALUE
                        ? WATCHDOG_MAX_PARK_NANOS
                        : Math.min(WATCHDOG_MAX_PARK_NANOS, TimeUnit.MILLISECONDS.toNanos(next - now + 1));
                LockSupport.parkNanos(this, park);
                if (Thread.currentThread().isInterrupted()) {
                    // only the container interrupts this thread, when it shuts down (parking would now spin)
                    LOG.warning("The plugin watchdog was interrupted and stops; inline calls are no longer watched");
                    return;
                }
            } catch (RuntimeException | Error e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "The plugin watchdog's scan failed; it scans again", e);
            }
        }
    }

    /** Counts an overrun inline call as the hand-off counts a timeout, then interrupts it and tells the listener. */
    private void report(InlineCall watched) {
        try {
            recordTimeout(watched.installed, watched.point, watched.guard, System.nanoTime() - watched.started);
            watched.thread.interrupt();
        } finally {
            watched.settled();
        }
        try {
            overrunListener.accept(watched.installed.artifact());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The overrun listener failed for " + watched.installed.pluginId(), e);
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
        return outcome(
                installed,
                policy,
                new PluginFailure(kind, installed.pluginId().value(), installed.version(), point, message),
                fallback);
    }

    /** What the caller gets for a failure already counted in the metrics: the point's policy. */
    private static <R> PluginOutcome<R> outcome(
            InstalledPlugin installed, FailurePolicy policy, PluginFailure failure, Supplier<R> fallback) {
        return switch (policy) {
            case FAIL_CLOSED -> throw new PluginFailedException(failure);
            case FAIL_OPEN ->
                new PluginOutcome<>(
                        null,
                        PluginOutcome.Status.SKIPPED,
                        failure,
                        installed.installationId().value(),
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
                        installed.installationId().value(),
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

    /** Inline (certified) calls running on callers' threads now, including overrun ones. */
    public int inlineCallsInFlight() {
        return inFlight.size();
    }

    /** Plugin threads busy now (including ones still running calls nobody waits for any more). */
    public int busyThreads() {
        return threads.getActiveCount();
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(watchdog);
        threads.shutdownNow();
    }
}
