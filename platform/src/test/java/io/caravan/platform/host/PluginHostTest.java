package io.caravan.platform.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.host.application.FailureKind;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.InvokerSettings;
import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.MetricsSnapshot;
import io.caravan.platform.host.application.NoPluginInstalledException;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.PluginRefusalException;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.model.Address;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.model.HsCode;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.model.PriceDisplay;
import io.caravan.sdk.model.TaxCategory;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.tax.TaxQuote;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The host with real Felix and real bundles: loading, versions side by side, unloading, and the invoker. */
class PluginHostTest {
    private static final Duration DEADLINE = Duration.ofMillis(400);
    /** The first call after a load gets no allowance here: these tests time the deadline itself (PluginInvokerTest tests the allowance). */
    private static final InvokerSettings SETTINGS = InvokerSettings.defaults()
            .withDeadline(ExtensionPoint.TAX_CALCULATOR, DEADLINE)
            .withFirstCallAllowance(Duration.ZERO);

    private HostFixture host;

    @BeforeEach
    void start() {
        host = new HostFixture(SETTINGS);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    static Cart cart(String destination) {
        LineItem line = LineItem.builder()
                .lineId("l1")
                .sku("sku-1")
                .title("Mug")
                .quantity(2)
                .unitPrice(Money.ofMinor(1_000, "EUR"))
                .weightGrams(400)
                .hsCode(HsCode.of("691200"))
                .origin(CountryCode.of("PT"))
                .shipFrom(CountryCode.of("PT"))
                .taxCategory(TaxCategory.STANDARD)
                .build();
        return new Cart(
                Currency.getInstance("EUR"),
                PriceDisplay.EXCLUDING_TAX,
                List.of(line),
                Money.ofMinor(500, "EUR"),
                Money.zero(Currency.getInstance("EUR")),
                List.of(),
                List.of(),
                new Address(CountryCode.of(destination), null, null, "City", List.of(), null),
                new Customer("c1", null, null, null),
                LocalDate.parse("2026-11-23"));
    }

    private PluginOutcome<TaxQuote> quote(String store) {
        return host.invoker.invoke(
                new StoreRef(store, store),
                PluginPoint.TAX_CALCULATOR,
                (calculator, context) -> calculator.quote(context, cart("DE")),
                null);
    }

    private static String rule(PluginOutcome<TaxQuote> outcome) {
        return outcome.value().lineTaxes().get(0).ruleId();
    }

    @Test
    void the_first_party_tax_plugin_answers_through_the_invoker() {
        host.install(
                "lisbon",
                host.publish("caravan-plugin-tax.jar"),
                "{\"originCountry\":\"PT\",\"registrations\":{\"oss\":true}}");

        PluginOutcome<TaxQuote> outcome = quote("lisbon");

        assertThat(outcome.answered()).isTrue();
        assertThat(outcome.value().lineTaxes()).isNotEmpty();
        assertThat(outcome.value().lineTaxes().get(0).jurisdiction()).isEqualTo("DE");
        assertThat(outcome.value().lineTaxes().get(0).taxAmount()).isEqualTo(Money.ofMinor(380, "EUR"));
    }

    @Test
    void two_versions_of_one_plugin_run_side_by_side_for_different_stores() {
        PluginArtifact v1 = host.publish("caravan-test-echo-tax-v1.jar");
        PluginArtifact v2 = host.publish("caravan-test-echo-tax-v2.jar");
        host.install("a", v1, "{}");
        host.install("b", v2, "{}");

        assertThat(rule(quote("a"))).isEqualTo("echo-1.0.0");
        assertThat(rule(quote("b"))).isEqualTo("echo-1.1.0");
        assertThat(host.felix.bundleCount()).isEqualTo(2);
        assertThat(host.runtime.ifLoaded(v1.releaseId()).orElseThrow().classLoader())
                .isNotSameAs(host.runtime.ifLoaded(v2.releaseId()).orElseThrow().classLoader());
    }

    @Test
    void upgrade_and_rollback_of_one_store_leave_the_other_store_on_its_version() {
        PluginArtifact v1 = host.publish("caravan-test-echo-tax-v1.jar");
        PluginArtifact v2 = host.publish("caravan-test-echo-tax-v2.jar");
        host.install("a", v1, "{}");
        host.install("b", v1, "{}");
        assertThat(rule(quote("a"))).isEqualTo("echo-1.0.0");

        host.install("a", v2, "{}");
        assertThat(rule(quote("a"))).isEqualTo("echo-1.1.0");
        assertThat(rule(quote("b"))).isEqualTo("echo-1.0.0");

        host.install("a", v1, "{}");
        assertThat(rule(quote("a"))).isEqualTo("echo-1.0.0");
        assertThat(rule(quote("b"))).isEqualTo("echo-1.0.0");
    }

    @Test
    void one_bundle_and_one_extension_instance_serve_every_store() {
        PluginArtifact v1 = host.publish("caravan-test-echo-tax-v1.jar");
        host.install("a", v1, "{\"label\":\"A\"}");
        host.install("b", v1, "{\"label\":\"B\"}");

        List<Object> seen = new ArrayList<>();
        for (String store : List.of("a", "b")) {
            PluginOutcome<String> outcome = host.invoker.invoke(
                    new StoreRef(store, store),
                    PluginPoint.TAX_CALCULATOR,
                    (calculator, context) -> {
                        seen.add(calculator);
                        return calculator
                                .quote(context, cart("FR"))
                                .lineTaxes()
                                .get(0)
                                .explanation();
                    },
                    null);
            assertThat(outcome.value()).contains(store.toUpperCase());
        }
        assertThat(seen.get(0)).isSameAs(seen.get(1));
        assertThat(host.felix.bundleCount()).isEqualTo(1);
    }

    @Test
    void calls_run_with_the_bundle_class_loader_as_context_class_loader() {
        PluginArtifact v1 = host.publish("caravan-test-echo-tax-v1.jar");
        host.install("a", v1, "{}");
        quote("a");
        LoadedPlugin loaded = host.runtime.ifLoaded(v1.releaseId()).orElseThrow();

        PluginOutcome<ClassLoader> tccl = host.invoker.invoke(
                new StoreRef("a", "a"),
                PluginPoint.TAX_CALCULATOR,
                (calculator, context) -> Thread.currentThread().getContextClassLoader(),
                null);

        assertThat(tccl.value()).isSameAs(loaded.classLoader());
        assertThat(tccl.value())
                .isSameAs(loaded.extensions()
                        .get(ExtensionPoint.TAX_CALCULATOR)
                        .getClass()
                        .getClassLoader());
    }

    @Test
    void an_unloaded_version_leaves_no_class_loader_behind() throws Exception {
        PluginArtifact v1 = host.publish("caravan-test-echo-tax-v1.jar");
        host.install("a", v1, "{}");
        assertThat(quote("a").answered()).isTrue();
        WeakReference<ClassLoader> loader = new WeakReference<>(
                host.runtime.ifLoaded(v1.releaseId()).orElseThrow().classLoader());

        host.uninstall("a");
        assertThat(host.runtime.unload(v1.releaseId())).isTrue();

        assertThat(host.felix.bundleCount()).isZero();
        // Collection is the observable; give the collector bounded chances rather than a fixed wait.
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            byte[][] pressure = new byte[16][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[1 << 20];
            }
        }
        assertThat(loader.get())
                .as("the bundle's class loader after uninstall + refresh")
                .isNull();
    }

    @Test
    void a_bundle_importing_a_package_outside_the_sdk_does_not_load() {
        host.install("a", host.publish("caravan-test-bad-import.jar"), "{}");

        assertThatThrownBy(() -> quote("a")).isInstanceOfSatisfying(PluginFailedException.class, e -> {
            assertThat(e.failure().kind()).isEqualTo(FailureKind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("javax.naming");
        });
        assertThat(host.felix.bundleCount()).isZero();
    }

    @Test
    void a_bundle_whose_bytes_changed_on_disk_is_not_loaded() throws Exception {
        PluginArtifact v1 = host.publish("caravan-test-echo-tax-v1.jar");
        var file = host.dir.resolve("artifacts/sha256/" + v1.sha256().substring(0, 2) + "/" + v1.sha256() + ".jar");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        host.install("a", v1, "{}");

        assertThatThrownBy(() -> quote("a"))
                .isInstanceOf(PluginFailedException.class)
                .hasMessageContaining("changed on disk");
        assertThat(host.felix.bundleCount()).isZero();
    }

    @Test
    void a_store_without_a_provider_gets_a_clear_conflict() {
        assertThatThrownBy(() -> quote("nobody"))
                .isInstanceOf(NoPluginInstalledException.class)
                .hasMessageContaining("no enabled plugin providing TAX_CALCULATOR");
    }

    @Test
    void a_refusal_is_an_answer_not_a_failure() {
        host.install("a", host.publish("caravan-test-misbehaving.jar"), "{\"mode\":\"reject\"}");

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> quote("a"))
                    .isInstanceOfSatisfying(
                            PluginRefusalException.class,
                            e -> assertThat(e.code()).isEqualTo("destination_not_served"));
        }
        // eight refusals in a row did not open the breaker (five failures would)
        host.install("a", host.installedArtifact("a"), "{\"mode\":\"ok\"}");
        assertThat(rule(quote("a"))).isEqualTo("misbehaving-ok");
    }

    @Test
    void repeated_failures_open_the_store_breaker_and_calls_then_fail_fast() {
        host.install("a", host.publish("caravan-test-misbehaving.jar"), "{\"mode\":\"throw\"}");

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> quote("a"))
                    .isInstanceOfSatisfying(
                            PluginFailedException.class,
                            e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.ERROR));
        }
        assertThatThrownBy(() -> quote("a")).isInstanceOfSatisfying(PluginFailedException.class, e -> {
            assertThat(e.failure().kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
            assertThat(e.getMessage()).contains("test-misbehaving 1.0.0");
        });
        MetricsSnapshot metrics = host.invoker.metrics().forStore("a").get(0);
        assertThat(metrics.calls()).isEqualTo(6);
        assertThat(metrics.failures()).containsEntry(FailureKind.ERROR, 5L).containsEntry(FailureKind.CIRCUIT_OPEN, 1L);
    }

    @Test
    void a_call_past_its_deadline_returns_at_the_deadline_with_a_timeout() {
        List<PluginArtifact> overran = new java.util.concurrent.CopyOnWriteArrayList<>();
        host.close();
        host = new HostFixture(SETTINGS, overran::add);
        PluginArtifact sleeper = host.publish("caravan-test-misbehaving.jar");
        host.install("a", sleeper, "{\"mode\":\"sleep\",\"millis\":60000}");
        java.util.concurrent.atomic.AtomicReference<Throwable> endedBy =
                new java.util.concurrent.atomic.AtomicReference<>();

        assertThatThrownBy(() -> host.invoker.invoke(
                        new StoreRef("a", "a"),
                        PluginPoint.TAX_CALCULATOR,
                        (calculator, context) -> {
                            try {
                                return calculator.quote(context, cart("DE"));
                            } catch (RuntimeException e) {
                                endedBy.set(e);
                                throw e;
                            }
                        },
                        null))
                .isInstanceOfSatisfying(PluginFailedException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(e.getMessage()).contains("400 ms deadline");
                });
        // returned at the deadline, not after the plugin's 60 s: the certified call runs on this thread,
        // the watchdog reported it and its interrupt ended the plugin's sleep (else the sleep would have
        // run to its end and returned a quote)
        assertThat(overran).containsExactly(sleeper);
        assertThat(endedBy.get()).hasMessageContaining("interrupted while sleeping");
        assertThat(host.invoker.inlineCallsInFlight()).isZero();
        assertThat(Thread.currentThread().isInterrupted())
                .as("the watchdog's interrupt stayed with the call")
                .isFalse();
    }

    @Test
    void a_store_cannot_hold_more_caller_threads_in_a_hung_certified_plugin_than_its_bulkhead() throws Exception {
        // certified code runs on the caller's thread: spin (which ignores the watchdog's interrupt)
        // holds each admitted caller until it ends, and its bulkhead place with it
        int bulkhead = InvokerSettings.defaults().maxConcurrentCalls();
        int callerCount = bulkhead + 4;
        // settles once per caller: at its overrun (watchdog) or when it was turned away at once
        CountDownLatch settled = new CountDownLatch(callerCount);
        AtomicInteger overruns = new AtomicInteger();
        host.close();
        host = new HostFixture(SETTINGS, artifact -> {
            overruns.incrementAndGet();
            settled.countDown();
        });
        InstalledPlugin a =
                host.install("a", host.publish("caravan-test-misbehaving.jar"), "{\"mode\":\"spin\",\"millis\":2500}");
        ExecutorService callers = Executors.newFixedThreadPool(callerCount);
        try {
            List<Future<FailureKind>> results = new ArrayList<>();
            for (int i = 0; i < callerCount; i++) {
                results.add(callers.submit(() -> {
                    try {
                        quote("a");
                        return null;
                    } catch (PluginFailedException e) {
                        if (e.failure().kind() != FailureKind.TIMEOUT) {
                            settled.countDown();
                        }
                        return e.failure().kind();
                    }
                }));
            }
            assertThat(settled.await(30, TimeUnit.SECONDS)).isTrue();
            // every admitted call overran and still spins on its caller's thread, holding its place
            assertThat(overruns.get()).isEqualTo(bulkhead);
            assertThat(host.invoker.inlineCallsInFlight()).isEqualTo(bulkhead);
            assertThatThrownBy(() -> quote("a"))
                    .isInstanceOfSatisfying(
                            PluginFailedException.class,
                            e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.BULKHEAD_FULL));
            List<FailureKind> kinds = new ArrayList<>();
            for (Future<FailureKind> f : results) {
                kinds.add(f.get());
            }
            assertThat(kinds).containsOnly(FailureKind.TIMEOUT, FailureKind.BULKHEAD_FULL);
            assertThat(kinds.stream().filter(k -> k == FailureKind.TIMEOUT).count())
                    .isEqualTo(bulkhead);
        } finally {
            callers.shutdownNow();
        }
        assertThat(a.installationId().value()).isNotBlank();
        assertThat(host.invoker.busyThreads()).as("no plugin thread was used").isZero();
    }

    private void timesOut(String store) {
        assertThatThrownBy(() -> quote(store))
                .isInstanceOfSatisfying(
                        PluginFailedException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.TIMEOUT));
    }

    @Test
    void a_version_timing_out_for_several_stores_is_quarantined_for_everyone() {
        PluginArtifact misbehaving = host.publish("caravan-test-misbehaving.jar");
        host.install("s4", misbehaving, "{\"mode\":\"ok\"}");
        host.install("s1", misbehaving, "{\"mode\":\"sleep\",\"millis\":2000}");
        // control: one store timing out as often as three stores would does not quarantine the version
        for (int i = 0; i < 3; i++) {
            timesOut("s1");
        }
        assertThat(host.invoker.quarantine().inForce()).isEmpty();
        assertThat(rule(quote("s4"))).isEqualTo("misbehaving-ok");

        for (String store : List.of("s2", "s3")) {
            host.install(store, misbehaving, "{\"mode\":\"sleep\",\"millis\":2000}");
            timesOut(store);
        }

        assertThatThrownBy(() -> quote("s4"))
                .isInstanceOfSatisfying(
                        PluginFailedException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.QUARANTINED));
        assertThat(host.invoker.quarantine().inForce()).containsOnlyKeys(misbehaving.releaseId());

        assertThat(host.invoker.quarantine().lift(misbehaving.releaseId())).isTrue();
        assertThat(host.invoker.quarantine().inForce()).isEmpty();
        assertThat(rule(quote("s4"))).isEqualTo("misbehaving-ok");
    }

    /** What store A's calls of one misbehaviour must show, so the test knows A really misbehaved. */
    enum Misbehaviour {
        THROW("{\"mode\":\"throw\"}"),
        SLEEP("{\"mode\":\"sleep\",\"millis\":2500}"),
        SPIN("{\"mode\":\"spin\",\"millis\":2500}"),
        ALLOCATE("{\"mode\":\"allocate\",\"megabytes\":64}"),
        THREAD("{\"mode\":\"thread\",\"millis\":10000}");

        final String configuration;

        Misbehaviour(String configuration) {
            this.configuration = configuration;
        }
    }

    /**
     * Store A's installation misbehaves in each way a plugin can; store B runs <em>the same
     * version</em> (one bundle, one extension instance) well configured, and calls at the same
     * time. Every one of B's calls must answer, with the right figures, and A must really have
     * misbehaved. The point's deadline is its production default (1 s); A's slow modes run well
     * past it. Same version for both: a breaker, bulkhead or quarantine kept per version rather
     * than per store would fail B.
     */
    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void a_misbehaving_plugin_of_store_a_does_not_change_store_b_on_the_same_version(Misbehaviour misbehaviour)
            throws Exception {
        host.close();
        host = new HostFixture(InvokerSettings.defaults());
        PluginArtifact version = host.publish("caravan-test-misbehaving.jar");
        host.install("a", version, misbehaviour.configuration);
        host.install("b", version, "{\"mode\":\"ok\"}");
        TaxQuote expected = quote("b").value();
        assertThat(expected.lineTaxes().get(0).ruleId()).isEqualTo("misbehaving-ok");

        // A calls with more concurrency than its bulkhead allows; B stays within its own
        ExecutorService storeACallers = Executors.newFixedThreadPool(12);
        ExecutorService storeBCallers = Executors.newFixedThreadPool(4);
        List<Object> storeAResults = new ArrayList<>();
        try {
            List<Future<Object>> storeA = new ArrayList<>();
            List<Future<PluginOutcome<TaxQuote>>> storeB = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 2; i++) {
                    storeA.add(storeACallers.submit((Callable<Object>) () -> {
                        try {
                            return rule(quote("a"));
                        } catch (PluginFailedException e) {
                            return e.failure().kind();
                        }
                    }));
                }
                storeB.add(storeBCallers.submit(() -> quote("b")));
            }
            for (Future<PluginOutcome<TaxQuote>> b : storeB) {
                PluginOutcome<TaxQuote> outcome = b.get();
                assertThat(outcome.answered()).isTrue();
                assertThat(outcome.value()).isEqualTo(expected);
            }
            for (Future<Object> a : storeA) {
                storeAResults.add(a.get());
            }
        } finally {
            storeACallers.shutdownNow();
            storeBCallers.shutdownNow();
        }
        MetricsSnapshot b = host.invoker.metrics().forStore("b").get(0);
        assertThat(b.failed()).isZero();
        assertThat(b.answered()).isEqualTo(21);
        assertThat(host.felix.bundleCount()).as("one bundle for both stores").isEqualTo(1);

        // A's misbehaviour really happened, to A
        MetricsSnapshot a = host.invoker.metrics().forStore("a").get(0);
        switch (misbehaviour) {
            case THROW -> {
                assertThat(storeAResults)
                        .isSubsetOf(FailureKind.ERROR, FailureKind.CIRCUIT_OPEN, FailureKind.BULKHEAD_FULL)
                        .contains(FailureKind.ERROR, FailureKind.CIRCUIT_OPEN);
                assertThat(a.failures().get(FailureKind.ERROR))
                        .isGreaterThanOrEqualTo(InvokerSettings.defaults().breakerFailures());
            }
            case SLEEP, SPIN -> {
                assertThat(storeAResults)
                        .isSubsetOf(FailureKind.TIMEOUT, FailureKind.BULKHEAD_FULL, FailureKind.CIRCUIT_OPEN)
                        .contains(FailureKind.TIMEOUT);
                assertThat(a.answered()).isZero();
            }
            case ALLOCATE -> {
                // the allocations ran (the plugin checks it allocated every MiB before it answers)
                assertThat(storeAResults)
                        .isSubsetOf(
                                "misbehaving-ok",
                                FailureKind.TIMEOUT,
                                FailureKind.BULKHEAD_FULL,
                                FailureKind.CIRCUIT_OPEN)
                        .containsAnyOf("misbehaving-ok", FailureKind.TIMEOUT);
            }
            case THREAD -> {
                assertThat(storeAResults)
                        .isSubsetOf("misbehaving-ok", FailureKind.BULKHEAD_FULL)
                        .contains("misbehaving-ok");
                assertThat(Thread.getAllStackTraces().keySet())
                        .as("A's calls left their threads running")
                        .anySatisfy(t -> assertThat(t.getName()).isEqualTo("misbehaving-leak"));
            }
        }
        assertThat(host.invoker.quarantine().inForce())
                .as("one store's timeouts quarantine nothing")
                .isEmpty();
    }
}
