package io.caravan.platform.host.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.PluginRejectedException;
import io.caravan.sdk.tax.TaxCalculator;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The invoker's two execution paths with the real invoker, runtime, breaker, quarantine and
 * metrics; the bundle host is a stand-in that hands out a plain extension object under the tier a
 * test names. Time is the test's clock: a call overruns when the test moves the clock past its
 * deadline, and the test waits for the watchdog through the overrun listener, never by sleeping.
 */
class PluginInvokerTest {
    private static final Duration DEADLINE = Duration.ofMillis(400);
    private static final long WAIT_SECONDS = 10;
    /** How long a breaker stays open (the settings' breakerOpenFor). */
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);
    /** The quarantine's window: timeouts for this many distinct stores within it quarantine a version. */
    private static final Duration QUARANTINE_WINDOW = Duration.ofMinutes(1);

    private static final TaxCalculator CALCULATOR = (context, cart) -> {
        throw new UnsupportedOperationException("the tests' calls do not quote");
    };

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final ClassLoader bundleLoader = new URLClassLoader("test-bundle", new URL[0], null);
    private final List<PluginArtifact> overruns = new CopyOnWriteArrayList<>();
    private final CountDownLatch overrun = new CountDownLatch(1);
    /** Every overrun the watchdog reported, in order: {@link #timeOut} takes one per call. */
    private final BlockingQueue<PluginArtifact> overrunReports = new LinkedBlockingQueue<>();

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private PluginInvoker invoker;

    @AfterEach
    void stop() {
        callers.shutdownNow();
        if (invoker != null) {
            invoker.close();
        }
    }

    /** An invoker whose only bundle host loads every artifact under {@code tier}. */
    private PluginInvoker invoker(Tier tier, InvokerSettings settings) {
        BundleHost host = new BundleHost() {
            @Override
            public LoadedPlugin load(PluginArtifact artifact, byte[] bytes) {
                return new LoadedPlugin(
                        artifact, Map.of(ExtensionPoint.TAX_CALCULATOR, CALCULATOR), bundleLoader, null, tier);
            }

            @Override
            public void unload(LoadedPlugin plugin) {}

            @Override
            public boolean acceptsSdkRange(String range) {
                return true;
            }

            @Override
            public String sdkVersion() {
                return "1.0.0";
            }

            @Override
            public int bundleCount() {
                return 0;
            }
        };
        PluginDirectory directory = new PluginDirectory() {
            @Override
            public List<InstalledPlugin> providers(StoreRef store, ExtensionPoint point, RoutingFacts facts) {
                return List.of();
            }

            @Override
            public byte[] bundle(PluginArtifact artifact) {
                return new byte[0];
            }
        };
        invoker = new PluginInvoker(
                directory,
                new PluginRuntime(host, directory, clock),
                settings,
                clock,
                PluginServices.NONE,
                null,
                artifact -> {
                    overruns.add(artifact);
                    overrunReports.add(artifact);
                    overrun.countDown();
                });
        return invoker;
    }

    private PluginInvoker invoker(Tier tier) {
        return invoker(tier, settings(5, 3, 8));
    }

    private static InvokerSettings settings(int breakerFailures, int quarantineStores, int maxConcurrentCalls) {
        return settings(breakerFailures, Math.max(10, breakerFailures), quarantineStores, maxConcurrentCalls);
    }

    private static InvokerSettings settings(
            int breakerFailures, int breakerWindow, int quarantineStores, int maxConcurrentCalls) {
        return new InvokerSettings(
                Map.of(ExtensionPoint.TAX_CALCULATOR, DEADLINE),
                maxConcurrentCalls,
                breakerFailures,
                breakerWindow,
                OPEN_FOR,
                quarantineStores,
                QUARANTINE_WINDOW,
                Duration.ofMinutes(5),
                16,
                Duration.ZERO); // the first-call allowance has its own test
    }

    private static InstalledPlugin installed(String store, FailurePolicy policy) {
        return installed(store, artifact(policy));
    }

    /** A version of its own (a release of the test plugin). */
    private static PluginArtifact artifact(FailurePolicy policy) {
        return new PluginArtifact(
                new ReleaseId(UUID.randomUUID().toString()),
                "io.caravan.test.inline",
                "0".repeat(64),
                PluginDescriptorReader.read("""
                        {"id": "test-inline", "name": "Inline test", "version": "1.0.0", "sdk": "[1.0,2.0)",
                         "kinds": ["TAX"],
                         "extensions": [{"point": "TAX_CALCULATOR", "class": "io.caravan.test.inline.Calculator",
                                         "failurePolicy": "%s"}],
                         "configuration": {"schema": {"type": "object"}, "secrets": []},
                         "permissions": {"egressHosts": [], "events": [], "data": []}}
                        """.formatted(policy)));
    }

    /** A store's installation of a given version. */
    private static InstalledPlugin installed(String store, PluginArtifact artifact) {
        return new InstalledPlugin(
                new InstallationId(UUID.randomUUID().toString()),
                new StoreRef(store, store),
                artifact,
                JsonPluginConfiguration.parse("{}", Set.of()));
    }

    private <R> PluginOutcome<R> invoke(InstalledPlugin installed, PluginCall<TaxCalculator, R> call) {
        return invoke(installed, call, null);
    }

    private <R> PluginOutcome<R> invoke(
            InstalledPlugin installed, PluginCall<TaxCalculator, R> call, Supplier<R> fallback) {
        return invoker.invoke(installed, PluginPoint.TAX_CALCULATOR, call, fallback, Locale.ROOT);
    }

    /** The thread a call ran on and its TCCL there. */
    private static List<Object> whereItRan() {
        Thread thread = Thread.currentThread();
        return List.of(thread, thread.getContextClassLoader());
    }

    private MetricsSnapshot metrics(String store) {
        return invoker.metrics().forStore(store).get(0);
    }

    /**
     * A call that stays in the plugin until the test releases it, whatever interrupts it meanwhile
     * (as a plugin that ignores interrupts), then answers "late answer".
     */
    private static final class HeldCall implements PluginCall<TaxCalculator, String> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();
        final AtomicReference<Thread> thread = new AtomicReference<>();
        private final Exception thrownAtTheEnd;

        HeldCall() {
            this(null);
        }

        HeldCall(Exception thrownAtTheEnd) {
            this.thrownAtTheEnd = thrownAtTheEnd;
        }

        @Override
        public String apply(TaxCalculator extension, PluginContext context) throws Exception {
            thread.set(Thread.currentThread());
            entered.countDown();
            while (true) {
                try {
                    if (release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        break;
                    }
                    throw new AssertionError("the test never released the call");
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            }
            if (thrownAtTheEnd != null) {
                throw thrownAtTheEnd;
            }
            return "late answer";
        }
    }

    /** Starts a held call on a caller thread of its own, and waits until it is inside the plugin. */
    private <R> Future<R> startHeld(HeldCall held, Callable<R> caller) throws Exception {
        Future<R> future = callers.submit(caller);
        assertThat(held.entered.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("the call reached the plugin")
                .isTrue();
        return future;
    }

    private void passTheDeadline() throws InterruptedException {
        clock.advance(DEADLINE.plusMillis(1));
        assertThat(overrun.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("the watchdog reported the overrun")
                .isTrue();
    }

    @Test
    void a_certified_call_runs_on_the_callers_thread_with_the_bundle_loader_as_tccl() {
        invoker(Tier.IN_PROCESS);
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);
        Thread caller = Thread.currentThread();
        ClassLoader before = caller.getContextClassLoader();

        PluginOutcome<List<Object>> outcome = invoke(a, (calculator, context) -> whereItRan());

        assertThat(outcome.answered()).isTrue();
        assertThat(outcome.value().get(0)).isSameAs(caller);
        assertThat(outcome.value().get(1)).isSameAs(bundleLoader);
        assertThat(caller.getContextClassLoader()).isSameAs(before);
        assertThat(metrics("a").answered()).isEqualTo(1);
        assertThat(invoker.inlineCallsInFlight()).isZero();
        assertThat(invoker.busyThreads()).isZero();
    }

    @Test
    void only_the_first_call_after_a_load_gets_the_first_call_allowance_on_both_tiers() {
        for (Tier tier : Tier.values()) {
            Duration allowance = Duration.ofSeconds(5);
            invoker(tier, settings(5, 3, 8).withFirstCallAllowance(allowance));
            PluginArtifact artifact = artifact(FailurePolicy.FAIL_CLOSED);
            InstalledPlugin a = installed("a", artifact);
            InstalledPlugin b = installed("b", artifact);
            Instant now = clock.instant();

            Instant first =
                    invoke(a, (calculator, context) -> context.deadline()).value();
            Instant again =
                    invoke(a, (calculator, context) -> context.deadline()).value();
            Instant otherStore =
                    invoke(b, (calculator, context) -> context.deadline()).value();

            assertThat(first)
                    .as(tier + ": the load's first call")
                    .isEqualTo(now.plus(DEADLINE).plus(allowance));
            assertThat(again).as(tier + ": the next call").isEqualTo(now.plus(DEADLINE));
            assertThat(otherStore)
                    .as(tier + ": another store on the same loaded version")
                    .isEqualTo(now.plus(DEADLINE));
            invoker.close();
            invoker = null;
        }
    }

    @Test
    void a_first_call_that_overruns_its_allowance_too_is_a_timeout() throws Exception {
        invoker(Tier.IN_PROCESS, settings(1, 3, 8).withFirstCallAllowance(Duration.ofSeconds(5)));
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);
        HeldCall held = new HeldCall();
        Future<PluginOutcome<String>> call = startHeld(held, () -> invoke(a, held));

        clock.advance(DEADLINE.plusSeconds(5).plusMillis(1));
        assertThat(overrun.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("the watchdog reported the overrun past deadline + allowance")
                .isTrue();
        held.release.countDown();
        assertThatThrownBy(() -> call.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PluginFailedException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(e.getMessage()).contains("within the 5400 ms deadline");
                });
    }

    @Test
    void an_isolated_call_is_still_handed_to_a_plugin_thread() {
        invoker(Tier.ISOLATED);
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);

        PluginOutcome<List<Object>> outcome = invoke(a, (calculator, context) -> whereItRan());

        assertThat(outcome.answered()).isTrue();
        assertThat(outcome.value().get(0)).isNotSameAs(Thread.currentThread());
        assertThat(((Thread) outcome.value().get(0)).getName()).startsWith("caravan-plugin-");
        assertThat(outcome.value().get(1)).isSameAs(bundleLoader);
    }

    @Test
    void an_overrun_is_counted_at_the_deadline_while_the_call_still_runs_and_its_late_answer_is_discarded()
            throws Exception {
        invoker(Tier.IN_PROCESS, settings(1, 3, 8));
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);
        HeldCall held = new HeldCall();
        AtomicBoolean interruptLeftOnCaller = new AtomicBoolean(true);
        Future<FailureKind> caller = startHeld(held, () -> {
            try {
                invoke(a, held);
                return null;
            } catch (PluginFailedException e) {
                assertThat(e.getMessage()).contains("400 ms deadline of TAX_CALCULATOR");
                return e.failure().kind();
            } finally {
                interruptLeftOnCaller.set(Thread.currentThread().isInterrupted());
            }
        });

        passTheDeadline();

        // counted while the plugin still holds the caller: metrics, listener, breaker (threshold 1 here)
        assertThat(caller).isNotDone();
        assertThat(metrics("a").failures()).containsEntry(FailureKind.TIMEOUT, 1L);
        assertThat(metrics("a").calls()).isEqualTo(1);
        assertThat(overruns).containsExactly(a.artifact());
        assertThat(invoker.inlineCallsInFlight()).isEqualTo(1);
        assertThatThrownBy(() -> invoke(a, (calculator, context) -> "next"))
                .isInstanceOfSatisfying(
                        PluginFailedException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.CIRCUIT_OPEN));

        held.release.countDown();

        assertThat(caller.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(FailureKind.TIMEOUT);
        assertThat(held.thread.get()).as("ran inline").isNotNull();
        assertThat(held.interrupted).as("the watchdog interrupted the call").isTrue();
        assertThat(interruptLeftOnCaller)
                .as("the interrupt did not outlive the call")
                .isFalse();
        MetricsSnapshot after = metrics("a");
        assertThat(after.answered()).isZero();
        assertThat(after.failures()).containsEntry(FailureKind.TIMEOUT, 1L).containsEntry(FailureKind.CIRCUIT_OPEN, 1L);
        assertThat(after.calls()).isEqualTo(2);
        assertThat(overruns).hasSize(1);
        assertThat(invoker.inlineCallsInFlight()).isZero();
    }

    @Test
    void an_overrun_counts_towards_quarantine() throws Exception {
        invoker(Tier.IN_PROCESS, settings(5, 1, 8));
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);
        HeldCall held = new HeldCall();
        Future<Object> caller = startHeld(held, () -> {
            try {
                return invoke(a, held);
            } catch (PluginFailedException e) {
                return e.failure().kind();
            }
        });

        passTheDeadline();

        assertThat(invoker.quarantine().inForce()).containsKey(a.artifact().releaseId());
        held.release.countDown();
        assertThat(caller.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void an_overrun_call_keeps_its_bulkhead_place_until_it_returns() throws Exception {
        invoker(Tier.IN_PROCESS, settings(5, 3, 1));
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_OPEN);
        HeldCall held = new HeldCall();
        Future<PluginOutcome<String>> caller = startHeld(held, () -> invoke(a, held));
        passTheDeadline();

        assertThat(invoke(a, (calculator, context) -> "second").failure().kind())
                .isEqualTo(FailureKind.BULKHEAD_FULL);
        held.release.countDown();
        caller.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(invoke(a, (calculator, context) -> "third").value()).isEqualTo("third");
    }

    @Test
    void a_fail_open_point_skips_a_late_answer() throws Exception {
        invoker(Tier.IN_PROCESS);
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_OPEN);
        HeldCall held = new HeldCall();
        Future<PluginOutcome<String>> caller = startHeld(held, () -> invoke(a, held));
        passTheDeadline();
        held.release.countDown();

        PluginOutcome<String> outcome = caller.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(outcome.status()).isEqualTo(PluginOutcome.Status.SKIPPED);
        assertThat(outcome.value()).isNull();
        assertThat(outcome.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(metrics("a").calls()).isEqualTo(1);
    }

    @Test
    void a_fallback_point_answers_with_the_platforms_fallback_instead_of_a_late_answer() throws Exception {
        invoker(Tier.IN_PROCESS);
        InstalledPlugin a = installed("a", FailurePolicy.FALLBACK);
        HeldCall held = new HeldCall();
        Future<PluginOutcome<String>> caller = startHeld(held, () -> invoke(a, held, () -> "platform answer"));
        passTheDeadline();
        held.release.countDown();

        PluginOutcome<String> outcome = caller.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(outcome.status()).isEqualTo(PluginOutcome.Status.FELL_BACK);
        assertThat(outcome.value()).isEqualTo("platform answer");
        assertThat(outcome.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void a_fallback_point_without_a_fallback_fails_closed_on_an_overrun() throws Exception {
        invoker(Tier.IN_PROCESS);
        InstalledPlugin a = installed("a", FailurePolicy.FALLBACK);
        HeldCall held = new HeldCall();
        Future<Object> caller = startHeld(held, () -> {
            try {
                return invoke(a, held, null);
            } catch (PluginFailedException e) {
                return e.failure().kind();
            }
        });
        passTheDeadline();
        held.release.countDown();

        assertThat(caller.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void a_refusal_after_the_deadline_is_discarded_like_an_answer() throws Exception {
        invoker(Tier.IN_PROCESS);
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);
        HeldCall held = new HeldCall(new PluginRejectedException("too_late", "refused after the deadline"));
        Future<Object> caller = startHeld(held, () -> {
            try {
                return invoke(a, held);
            } catch (PluginFailedException e) {
                return e.failure().kind();
            }
        });
        passTheDeadline();
        held.release.countDown();

        assertThat(caller.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(FailureKind.TIMEOUT);
        assertThat(metrics("a").refused()).isZero();
        assertThat(metrics("a").calls()).isEqualTo(1);
    }

    @Test
    void a_refusal_in_time_passes_through_and_is_not_a_failure() {
        invoker(Tier.IN_PROCESS, settings(1, 3, 8));
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> invoke(a, (calculator, context) -> {
                        throw new PluginRejectedException("destination_not_served", "not here");
                    }))
                    .isInstanceOfSatisfying(
                            PluginRefusalException.class,
                            e -> assertThat(e.code()).isEqualTo("destination_not_served"));
        }

        // three refusals did not open a breaker that opens on one failure
        assertThat(invoke(a, (calculator, context) -> "ok").value()).isEqualTo("ok");
        assertThat(metrics("a").refused()).isEqualTo(3);
        assertThat(metrics("a").failed()).isZero();
    }

    @Test
    void a_certified_call_that_throws_or_returns_nothing_in_time_follows_the_policy() {
        invoker(Tier.IN_PROCESS);
        InstalledPlugin closed = installed("closed", FailurePolicy.FAIL_CLOSED);
        InstalledPlugin open = installed("open", FailurePolicy.FAIL_OPEN);

        assertThatThrownBy(() -> invoke(closed, (calculator, context) -> {
                    throw new IllegalStateException("broken");
                }))
                .isInstanceOfSatisfying(PluginFailedException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(FailureKind.ERROR);
                    assertThat(e.getMessage()).contains("IllegalStateException: broken");
                });
        PluginOutcome<String> nothing = invoke(open, (calculator, context) -> null);

        assertThat(nothing.status()).isEqualTo(PluginOutcome.Status.SKIPPED);
        assertThat(nothing.failure().kind()).isEqualTo(FailureKind.ERROR);
        assertThat(metrics("closed").failures()).containsEntry(FailureKind.ERROR, 1L);
        assertThat(metrics("open").failures()).containsEntry(FailureKind.ERROR, 1L);
        assertThat(overruns).isEmpty();
    }

    @Test
    void a_call_that_returned_in_time_is_never_reported_later() throws Exception {
        invoker(Tier.IN_PROCESS);
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_OPEN);
        InstalledPlugin b = installed("b", FailurePolicy.FAIL_OPEN);
        assertThat(invoke(a, (calculator, context) -> "in time").answered()).isTrue();

        // b's overrun proves a watchdog scan ran after the clock passed a's deadline too
        HeldCall held = new HeldCall();
        Future<PluginOutcome<String>> caller = startHeld(held, () -> invoke(b, held));
        passTheDeadline();
        held.release.countDown();
        caller.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(overruns).containsExactly(b.artifact());
        assertThat(metrics("a").failed()).isZero();
        assertThat(metrics("a").answered()).isEqualTo(1);
    }

    @Test
    void an_interrupt_the_caller_had_before_the_call_survives_an_overrun() throws Exception {
        invoker(Tier.IN_PROCESS);
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_OPEN);
        HeldCall held = new HeldCall();
        Future<Boolean> caller = startHeld(held, () -> {
            Thread.currentThread().interrupt();
            invoke(a, held);
            return Thread.interrupted();
        });
        passTheDeadline();
        held.release.countDown();

        assertThat(caller.get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    /** A call that fails in time (a failure for the breaker, not a timeout). */
    private static final PluginCall<TaxCalculator, String> BROKEN = (calculator, context) -> {
        throw new IllegalStateException("broken");
    };

    /** The kind of failure a call got, or null when it answered. */
    private FailureKind kindOf(InstalledPlugin installed, PluginCall<TaxCalculator, String> call) {
        try {
            PluginOutcome<String> outcome = invoke(installed, call);
            return outcome.answered() ? null : outcome.failure().kind();
        } catch (PluginFailedException e) {
            return e.failure().kind();
        }
    }

    /** A call that answers "ok" and counts that it reached the plugin. */
    private static PluginCall<TaxCalculator, String> answering(AtomicInteger reached) {
        return (calculator, context) -> {
            reached.incrementAndGet();
            return "ok";
        };
    }

    @Test
    void the_breaker_counts_only_the_failures_among_its_last_window_of_calls() {
        // opens at 3 failures among the last 5 calls
        invoker(Tier.IN_PROCESS, settings(3, 5, 3, 8));
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);
        AtomicInteger reached = new AtomicInteger();

        assertThat(kindOf(a, BROKEN)).isEqualTo(FailureKind.ERROR);
        assertThat(kindOf(a, BROKEN)).isEqualTo(FailureKind.ERROR);
        for (int i = 0; i < 5; i++) {
            assertThat(kindOf(a, answering(reached))).isNull();
        }
        // two more failures: four in all, but the first two have left the window of five
        assertThat(kindOf(a, BROKEN)).isEqualTo(FailureKind.ERROR);
        assertThat(kindOf(a, BROKEN)).isEqualTo(FailureKind.ERROR);
        assertThat(kindOf(a, answering(reached))).as("still closed").isNull();

        // control: a third failure within the window opens it, and the next call never reaches the plugin
        assertThat(kindOf(a, BROKEN)).isEqualTo(FailureKind.ERROR);
        int before = reached.get();
        assertThat(kindOf(a, answering(reached))).isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(reached).hasValue(before);
    }

    @Test
    void after_its_open_period_the_breaker_lets_one_trial_call_through_and_a_success_closes_it() throws Exception {
        invoker(Tier.IN_PROCESS, settings(1, 3, 8));
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);
        AtomicInteger reached = new AtomicInteger();
        assertThat(kindOf(a, BROKEN)).isEqualTo(FailureKind.ERROR);

        clock.advance(OPEN_FOR.minusMillis(1));
        assertThat(kindOf(a, answering(reached)))
                .as("open until the end of its period")
                .isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(reached).hasValue(0);

        clock.advance(Duration.ofMillis(1));
        // half-open: one trial at a time, the others are still refused
        HeldCall trial = new HeldCall();
        Future<PluginOutcome<String>> trialCall = startHeld(trial, () -> invoke(a, trial));
        assertThat(kindOf(a, answering(reached)))
                .as("a second call during the trial")
                .isEqualTo(FailureKind.CIRCUIT_OPEN);
        trial.release.countDown();
        assertThat(trialCall.get(WAIT_SECONDS, TimeUnit.SECONDS).value()).isEqualTo("late answer");

        // closed again: calls reach the plugin without the clock moving
        for (int i = 0; i < 3; i++) {
            assertThat(kindOf(a, answering(reached))).isNull();
        }
        assertThat(reached).hasValue(3);
    }

    @Test
    void a_failed_trial_call_opens_the_breaker_again_for_a_whole_open_period() {
        invoker(Tier.IN_PROCESS, settings(1, 3, 8));
        InstalledPlugin a = installed("a", FailurePolicy.FAIL_CLOSED);
        AtomicInteger reached = new AtomicInteger();
        assertThat(kindOf(a, BROKEN)).isEqualTo(FailureKind.ERROR);
        clock.advance(OPEN_FOR);

        assertThat(kindOf(a, BROKEN)).as("the trial ran and failed").isEqualTo(FailureKind.ERROR);

        assertThat(kindOf(a, answering(reached))).isEqualTo(FailureKind.CIRCUIT_OPEN);
        clock.advance(OPEN_FOR.minusMillis(1));
        assertThat(kindOf(a, answering(reached)))
                .as("reopened for a whole period from the failed trial")
                .isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(reached).hasValue(0);
        clock.advance(Duration.ofMillis(1));
        assertThat(kindOf(a, answering(reached))).isNull();
        assertThat(reached).hasValue(1);
    }

    @Test
    void one_stores_open_breaker_leaves_another_store_on_the_same_version_alone() {
        invoker(Tier.IN_PROCESS, settings(1, 3, 8));
        PluginArtifact version = artifact(FailurePolicy.FAIL_CLOSED);
        InstalledPlugin a = installed("a", version);
        InstalledPlugin b = installed("b", version);
        AtomicInteger reached = new AtomicInteger();
        assertThat(kindOf(a, BROKEN)).isEqualTo(FailureKind.ERROR);
        assertThat(kindOf(a, answering(reached))).isEqualTo(FailureKind.CIRCUIT_OPEN);

        assertThat(kindOf(b, answering(reached))).isNull();
        assertThat(reached).hasValue(1);
    }

    /**
     * Calls that stay in the plugin until the test releases them, counting how many are inside at
     * once (and the most there ever were).
     */
    private static final class ConcurrentCalls implements PluginCall<TaxCalculator, String> {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        final AtomicInteger entries = new AtomicInteger();
        final CountDownLatch entered;
        final CountDownLatch release = new CountDownLatch(1);

        ConcurrentCalls(int expected) {
            entered = new CountDownLatch(expected);
        }

        @Override
        public String apply(TaxCalculator extension, PluginContext context) {
            entries.incrementAndGet();
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                while (true) {
                    try {
                        if (release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                            return "answer";
                        }
                        throw new AssertionError("the test never released the calls");
                    } catch (InterruptedException e) {
                        // as a plugin that ignores interrupts: holds its place until released
                    }
                }
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void the_bulkhead_admits_exactly_its_size_of_concurrent_calls_per_store(Tier tier) throws Exception {
        int bulkhead = 3;
        invoker(tier, settings(5, 3, bulkhead));
        PluginArtifact version = artifact(FailurePolicy.FAIL_OPEN);
        InstalledPlugin a = installed("a", version);
        InstalledPlugin b = installed("b", version);
        ConcurrentCalls held = new ConcurrentCalls(bulkhead);
        List<Future<PluginOutcome<String>>> admitted = new ArrayList<>();
        for (int i = 0; i < bulkhead; i++) {
            admitted.add(callers.submit(() -> invoke(a, held)));
        }
        assertThat(held.entered.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("all %d calls inside the plugin at once", bulkhead)
                .isTrue();

        // one more for the store is turned away at once and never reaches the plugin ...
        assertThat(invoke(a, held).failure().kind()).isEqualTo(FailureKind.BULKHEAD_FULL);
        assertThat(held.entries).hasValue(bulkhead);
        assertThat(held.mostInside).hasValue(bulkhead);
        // ... while another store on the same version has a bulkhead of its own
        assertThat(invoke(b, (calculator, context) -> "b answers").value()).isEqualTo("b answers");

        held.release.countDown();
        for (Future<PluginOutcome<String>> call : admitted) {
            call.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        // the places came back (an isolated call gives its place back when the plugin thread returns)
        assertThat(waitUntil(() -> invoke(a, (calculator, context) -> "again").answered()))
                .as("the store calls again once its calls returned")
                .isTrue();
    }

    /** Polls a condition with a pause between polls until it holds or {@link #WAIT_SECONDS} pass. */
    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        return io.caravan.platform.testing.Poll.until(
                condition, java.time.Duration.ofSeconds(WAIT_SECONDS), java.time.Duration.ofMillis(10));
    }

    /** Makes one inline call of the installation overrun its deadline; returns once the watchdog counted it. */
    private void timeOut(InstalledPlugin installed) throws Exception {
        HeldCall held = new HeldCall();
        Future<FailureKind> caller = startHeld(held, () -> {
            try {
                invoke(installed, held);
                return null;
            } catch (PluginFailedException e) {
                return e.failure().kind();
            }
        });
        clock.advance(DEADLINE.plusMillis(1));
        assertThat(overrunReports.poll(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("the watchdog reported the overrun")
                .isEqualTo(installed.artifact());
        held.release.countDown();
        assertThat(caller.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void one_store_timing_out_again_and_again_does_not_quarantine_a_version_but_as_many_distinct_stores_do()
            throws Exception {
        invoker(Tier.IN_PROCESS, settings(5, 3, 8));
        PluginArtifact version = artifact(FailurePolicy.FAIL_CLOSED);
        InstalledPlugin a = installed("a", version);
        InstalledPlugin bystander = installed("bystander", version);

        for (int i = 0; i < 3; i++) {
            timeOut(a);
        }
        assertThat(invoker.quarantine().inForce())
                .as("three timeouts of one store")
                .isEmpty();
        assertThat(invoke(bystander, (calculator, context) -> "served").value()).isEqualTo("served");

        timeOut(installed("b", version));
        assertThat(invoker.quarantine().inForce()).as("two stores").isEmpty();
        timeOut(installed("c", version));

        assertThat(invoker.quarantine().inForce()).as("three stores").containsOnlyKeys(version.releaseId());
        assertThat(kindOf(bystander, (calculator, context) -> "served")).isEqualTo(FailureKind.QUARANTINED);
        assertThat(kindOf(installed("d", artifact(FailurePolicy.FAIL_CLOSED)), (calculator, context) -> "other"))
                .as("another version")
                .isNull();
    }

    @Test
    void timeouts_of_distinct_stores_quarantine_a_version_only_within_the_window() throws Exception {
        invoker(Tier.IN_PROCESS, settings(5, 3, 8));
        PluginArtifact version = artifact(FailurePolicy.FAIL_CLOSED);
        InstalledPlugin a = installed("a", version);

        timeOut(a);
        clock.advance(QUARANTINE_WINDOW);
        timeOut(installed("b", version));
        timeOut(installed("c", version));
        assertThat(invoker.quarantine().inForce())
                .as("a's timeout has left the window")
                .isEmpty();

        timeOut(a);
        assertThat(invoker.quarantine().inForce()).containsOnlyKeys(version.releaseId());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
