package io.caravan.platform.host.bench;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.InvokerSettings;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the invoker adds to a plugin call (issue #3 goal: at most 5 µs at the median; issue #9:
 * certified calls inline).
 *
 * <ul>
 *   <li>{@code direct}: the baseline, {@code calculator.quote(context, cart)} on the very extension
 *       instance the runtime loaded, with a context built per call ({@link DirectContext}).</li>
 *   <li>{@code invoker}: the same quote through {@code PluginInvoker.invoke(store, point, ...)}:
 *       directory lookup, quarantine check, bulkhead and breaker, context, and — the version being
 *       certified ({@code Tier.IN_PROCESS}) — the call inline on the caller's thread with the
 *       bundle's TCCL, registered with the watchdog (issue #9), metrics.</li>
 *   <li>{@code invokerHandoff}: the same call through an invoker that sees the same loaded bundle as
 *       {@code Tier.ISOLATED}, so it takes the hand-off path — a plugin thread, waited for with the
 *       deadline: what every call cost before issue #9 (the baseline, in the same JVM).</li>
 *   <li>{@code handoff}: the direct call submitted to a pool configured as the invoker's (core
 *       threads 2 × CPUs, {@code SynchronousQueue}) and awaited with a timeout, with the TCCL
 *       switch — the share of the overhead that is the thread hand-off alone.</li>
 * </ul>
 *
 * Run (see BENCHMARKS.md): {@code java -cp ... org.openjdk.jmh.Main InvokerOverhead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InvokerOverheadBenchmark {
    private static final String STORE = "bench-store";

    /** echo: the echo-tax test bundle (10 % per line, near-free); tax: the real first-party tax plugin. */
    @Param({"echo", "tax"})
    public String plugin;

    private BenchHost host;
    private TaxCalculator calculator;
    private InstalledPlugin installed;
    private ClassLoader bundleLoader;
    private Cart cart;
    private Clock clock;
    private Duration deadline;
    private ExecutorService pool;

    @Setup(Level.Trial)
    public void start() {
        host = new BenchHost(InvokerSettings.defaults());
        boolean tax = plugin.equals("tax");
        PluginArtifact artifact = host.publish(tax ? BenchHost.TAX_JAR : BenchHost.ECHO_JAR);
        installed = host.install(STORE, artifact, tax ? BenchHost.taxConfiguration(1) : BenchHost.echoConfiguration(1));
        cart = BenchHost.cart("DE");
        PluginOutcome<TaxQuote> first = invoker();
        if (!first.answered() || !invokerHandoff().equals(first)) {
            throw new IllegalStateException("the plugin did not answer the same on both paths: " + first);
        }
        var loaded = host.runtime.ifLoaded(artifact.releaseId()).orElseThrow();
        calculator = (TaxCalculator) loaded.extensions().get(ExtensionPoint.TAX_CALCULATOR);
        bundleLoader = loaded.classLoader();
        clock = Clock.systemUTC();
        deadline = host.invoker.settings().deadline(ExtensionPoint.TAX_CALCULATOR);
        if (!direct().equals(first.value())) {
            throw new IllegalStateException("direct and invoked quotes differ");
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        pool = new ThreadPoolExecutor(
                Math.min(256, 2 * cpus), 256, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "bench-handoff");
                    t.setDaemon(true);
                    return t;
                });
    }

    @TearDown(Level.Trial)
    public void stop() {
        pool.shutdownNow();
        host.close();
    }

    @Benchmark
    public TaxQuote direct() {
        return calculator.quote(
                new DirectContext(
                        STORE, installed.configuration(), clock, clock.instant().plus(deadline)),
                cart);
    }

    @Benchmark
    public PluginOutcome<TaxQuote> invoker() {
        return host.invoker.invoke(
                new StoreRef(STORE, STORE), PluginPoint.TAX_CALCULATOR, (c, ctx) -> c.quote(ctx, cart), null);
    }

    @Benchmark
    public PluginOutcome<TaxQuote> invokerHandoff() {
        return host.handoffInvoker.invoke(
                new StoreRef(STORE, STORE), PluginPoint.TAX_CALCULATOR, (c, ctx) -> c.quote(ctx, cart), null);
    }

    @Benchmark
    public TaxQuote handoff() throws Exception {
        return pool.submit(() -> {
                    Thread thread = Thread.currentThread();
                    ClassLoader previous = thread.getContextClassLoader();
                    thread.setContextClassLoader(bundleLoader);
                    try {
                        return direct();
                    } finally {
                        thread.setContextClassLoader(previous);
                    }
                })
                .get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }
}
