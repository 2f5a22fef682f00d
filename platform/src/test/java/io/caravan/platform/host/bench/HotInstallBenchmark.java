package io.caravan.platform.host.bench;

import io.caravan.platform.host.application.InvokerSettings;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.tax.TaxQuote;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Hot install for one store (issue #3 goals: a version whose bundle is already on the node ≤ 100 ms,
 * a version never loaded on the node ≤ 1 s; other stores under load meanwhile: 0 errors and p99
 * within 10 %).
 *
 * <ol type="a">
 *   <li>Already loaded: a store moves to a version another store keeps loaded (directory change +
 *       first call), alternating between echo-tax 1.0.0 and 1.1.0; and a new store's first
 *       installation of a loaded version.</li>
 *   <li>Never loaded on the node: a store moves to a version of which no bundle was ever installed
 *       in this framework (the real echo-tax and tax bundles with a new Bundle-Version each time,
 *       already in the artifact store as after an upload): directory change, then the first call,
 *       which reads the bytes, installs, resolves and starts the bundle and creates its
 *       extensions. Each version is unloaded after its repetition (not timed with it).</li>
 *   <li>Under load: 4 threads call 50 other stores (25 on echo-tax 1.0.0, 25 on the tax plugin)
 *       without pause. After 30 s of warm-up, 8 s windows without installs alternate with 8 s
 *       windows in which one store is moved 5 times to a never-loaded version (the version it
 *       leaves unloaded at once), 4 of each, 20 installs in all; other stores' latency and errors
 *       with installs against without (alternating, so drift in the machine hits both alike).</li>
 * </ol>
 *
 * <p>Run (see BENCHMARKS.md): {@code java -cp ... io.caravan.platform.host.bench.HotInstallBenchmark [reps] [rate]};
 * with a rate (calls/s) the load of (c) is paced instead of continuous.
 */
public final class HotInstallBenchmark {
    private static final int WARMUP_REPS = 5;
    private static final int LOAD_THREADS = 4;
    private static final int LOAD_STORES = 50;
    private static final int CYCLES = 4;
    private static final int INSTALLS_PER_WINDOW = 5;
    private static final int HOT_INSTALLS = CYCLES * INSTALLS_PER_WINDOW;
    private static final long WINDOW_MILLIS = 8_000;
    /** Long enough for the JIT to settle under the load (10 s was not: seconds of compilation went on after it). */
    private static final long WARMUP_MILLIS = 30_000;

    static {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    private HotInstallBenchmark() {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        System.out.printf(
                "JVM %s, %d CPUs%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        Cart cart = BenchHost.cart("DE");
        byte[] echoBytes = BenchHost.bundleBytes(BenchHost.ECHO_JAR);
        byte[] taxBytes = BenchHost.bundleBytes(BenchHost.TAX_JAR);
        try (BenchHost host = new BenchHost(InvokerSettings.defaults())) {
            PluginArtifact v1 = host.publish(echoBytes);
            PluginArtifact v2 = host.publish(BenchHost.ECHO_V2_JAR);
            host.install("keeper-1", v1, "{}");
            host.install("keeper-2", v2, "{}");
            expect(call(host, "keeper-1", cart), "echo-1.0.0");
            expect(call(host, "keeper-2", cart), "echo-1.1.0");

            // (a) already loaded
            host.install("mover", v1, "{}");
            call(host, "mover", cart);
            long[] moves = series(reps, i -> {
                PluginArtifact target = i % 2 == 0 ? v2 : v1;
                long t0 = System.nanoTime();
                host.install("mover", target, BenchHost.echoConfiguration(i));
                PluginOutcome<TaxQuote> outcome = call(host, "mover", cart);
                long took = System.nanoTime() - t0;
                expect(outcome, "echo-" + target.descriptor().version());
                return took;
            });
            report("(a) existing store moves to a loaded version (1.0.0 <-> 1.1.0)", moves);
            long[] fresh = series(reps, i -> {
                long t0 = System.nanoTime();
                host.install("new-" + i, v1, BenchHost.echoConfiguration(i));
                PluginOutcome<TaxQuote> outcome = call(host, "new-" + i, cart);
                long took = System.nanoTime() - t0;
                expect(outcome, "echo-1.0.0");
                return took;
            });
            report("(a) new store, first installation of a loaded version", fresh);

            // (b) never loaded on this node
            for (boolean tax : new boolean[] {false, true}) {
                byte[] base = tax ? taxBytes : echoBytes;
                String prefix = tax ? "0.1." : "1.0.";
                String store = tax ? "first-tax" : "first-echo";
                List<PluginArtifact> versions = new ArrayList<>();
                for (int i = 0; i < reps + WARMUP_REPS; i++) {
                    versions.add(host.publish(BenchHost.withVersion(base, prefix + (100 + i))));
                }
                int bundlesBefore = host.felix.bundleCount();
                List<Long> unloads = new ArrayList<>();
                long[] firsts = series(reps, i -> {
                    PluginArtifact target = versions.get(i);
                    long t0 = System.nanoTime();
                    host.install(store, target, tax ? BenchHost.taxConfiguration(i) : BenchHost.echoConfiguration(i));
                    PluginOutcome<TaxQuote> outcome = call(host, store, cart);
                    long took = System.nanoTime() - t0;
                    expect(outcome, tax ? null : "echo-" + target.descriptor().version());
                    long u0 = System.nanoTime();
                    if (!host.runtime.unload(target.releaseId())) {
                        throw new IllegalStateException(
                                "not loaded: " + target.descriptor().version());
                    }
                    unloads.add(System.nanoTime() - u0);
                    return took;
                });
                if (host.felix.bundleCount() != bundlesBefore) {
                    throw new IllegalStateException("bundles left behind");
                }
                report(
                        "(b) first call of a never-loaded version, "
                                + (tax ? "tax plugin (49 KB jar)" : "echo-tax (8 KB jar)"),
                        firsts);
                report(
                        "    its unload (uninstall + refresh), not counted above",
                        unloads.subList(WARMUP_REPS, unloads.size()).stream()
                                .mapToLong(Long::longValue)
                                .sorted()
                                .toArray());
            }

            underLoad(host, echoBytes, taxBytes, v1, cart, rate);
        }
    }

    /**
     * @param rate 0: each load thread calls again as soon as its call returns (closed loop, the CPU
     *             saturated); otherwise calls per second, all threads together, each thread on a fixed
     *             schedule, latency counted from the scheduled start (no coordinated omission)
     */
    private static void underLoad(
            BenchHost host, byte[] echoBytes, byte[] taxBytes, PluginArtifact echo, Cart cart, int rate)
            throws InterruptedException {
        PluginArtifact tax = host.publish(taxBytes);
        String[] stores = new String[LOAD_STORES];
        for (int s = 0; s < LOAD_STORES; s++) {
            stores[s] = "load-" + s;
            host.install(
                    stores[s],
                    s < LOAD_STORES / 2 ? echo : tax,
                    s < LOAD_STORES / 2 ? BenchHost.echoConfiguration(s) : BenchHost.taxConfiguration(s));
        }
        List<PluginArtifact> hot = new ArrayList<>();
        for (int k = 0; k <= HOT_INSTALLS; k++) {
            hot.add(host.publish(BenchHost.withVersion(echoBytes, "1.0." + (300 + k))));
        }
        host.install("hot", hot.get(0), "{}");
        call(host, "hot", cart);

        // window 0: warm-up; then CYCLES × (a window without installs, a window with INSTALLS_PER_WINDOW)
        int windows = 1 + 2 * CYCLES;
        String[] names = new String[windows];
        names[0] = "warm-up";
        for (int c = 0; c < CYCLES; c++) {
            names[1 + 2 * c] = "quiet " + (c + 1);
            names[2 + 2 * c] = "installs " + (c + 1);
        }
        BenchHost.Longs[][] latency = new BenchHost.Longs[LOAD_THREADS][windows];
        AtomicLong[] errors = new AtomicLong[windows];
        for (int w = 0; w < windows; w++) {
            errors[w] = new AtomicLong();
        }
        window = 0;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < LOAD_THREADS; t++) {
            int me = t;
            for (int w = 0; w < windows; w++) {
                latency[t][w] = new BenchHost.Longs();
            }
            long interval = rate == 0 ? 0 : 1_000_000_000L * LOAD_THREADS / rate;
            Thread thread = new Thread(
                    () -> {
                        int k = me;
                        long next = System.nanoTime() + interval * me / LOAD_THREADS;
                        while (true) {
                            int w = window;
                            if (w >= windows) {
                                return;
                            }
                            String store = stores[k++ % LOAD_STORES];
                            long t0;
                            if (interval == 0) {
                                t0 = System.nanoTime();
                            } else {
                                t0 = next;
                                next += interval;
                                long wait;
                                while ((wait = t0 - System.nanoTime()) > 0) {
                                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                                }
                            }
                            try {
                                if (!call(host, store, cart).answered()) {
                                    errors[w].incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                errors[w].incrementAndGet();
                            }
                            latency[me][w].add(System.nanoTime() - t0);
                        }
                    },
                    "load-" + t);
            thread.start();
            threads.add(thread);
        }
        long[] gc = new long[windows];
        long[] jit = new long[windows];
        long[] wall = new long[windows];
        long[] installs = new long[HOT_INSTALLS];
        long[] unloads = new long[HOT_INSTALLS];
        int installed = 0;
        for (int w = 0; w < windows; w++) {
            window = w;
            long gc0 = gcMillis();
            long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            long start = System.nanoTime();
            if (w > 0 && w % 2 == 0) {
                long slot = WINDOW_MILLIS / INSTALLS_PER_WINDOW;
                for (int i = 0; i < INSTALLS_PER_WINDOW; i++, installed++) {
                    sleepUntil(start + i * slot * 1_000_000L + slot * 500_000L);
                    PluginArtifact target = hot.get(installed + 1);
                    long t0 = System.nanoTime();
                    host.install("hot", target, BenchHost.echoConfiguration(installed));
                    expect(
                            call(host, "hot", cart),
                            "echo-" + target.descriptor().version());
                    installs[installed] = System.nanoTime() - t0;
                    long u0 = System.nanoTime();
                    host.runtime.unload(hot.get(installed).releaseId());
                    unloads[installed] = System.nanoTime() - u0;
                }
            }
            sleepUntil(start + (w == 0 ? WARMUP_MILLIS : WINDOW_MILLIS) * 1_000_000L);
            wall[w] = System.nanoTime() - start;
            gc[w] = gcMillis() - gc0;
            jit[w] = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
        }
        window = windows;
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf(
                "%n(c) %d threads calling %d other stores %s, after %d s of warm-up: %d windows of %d s "
                        + "without installs alternating with %d windows of %d s with %d hot installs each (one store moved to "
                        + "a never-loaded version, the version it leaves unloaded at once)%n",
                LOAD_THREADS,
                LOAD_STORES,
                rate == 0 ? "without pause" : "on a fixed schedule of " + rate + " calls/s in all",
                WARMUP_MILLIS / 1000,
                CYCLES,
                WINDOW_MILLIS / 1000,
                CYCLES,
                WINDOW_MILLIS / 1000,
                INSTALLS_PER_WINDOW);
        System.out.printf(
                "    %-22s %9s %8s %7s %9s %9s %9s %9s %7s %7s%n",
                "window", "calls", "calls/s", "errors", "p50 µs", "p99 µs", "p99.9 µs", "max ms", "GC ms", "JIT ms");
        List<BenchHost.Longs> quiet = new ArrayList<>();
        List<BenchHost.Longs> busy = new ArrayList<>();
        long[] sums = new long[8];
        for (int w = 1; w < windows; w++) {
            List<BenchHost.Longs> parts = new ArrayList<>();
            for (int t = 0; t < LOAD_THREADS; t++) {
                parts.add(latency[t][w]);
                (w % 2 == 0 ? busy : quiet).add(latency[t][w]);
            }
            int side = w % 2 == 0 ? 4 : 0;
            sums[side] += wall[w];
            sums[side + 1] += errors[w].get();
            sums[side + 2] += gc[w];
            sums[side + 3] += jit[w];
            line(names[w], BenchHost.Longs.merged(parts), wall[w], errors[w].get(), gc[w], jit[w]);
        }
        double p99Quiet =
                line("all without installs", BenchHost.Longs.merged(quiet), sums[0], sums[1], sums[2], sums[3]);
        double p99Busy = line("all with installs", BenchHost.Longs.merged(busy), sums[4], sums[5], sums[6], sums[7]);
        System.out.printf("    p99 with installs vs without: %+.1f %%%n", 100 * (p99Busy / p99Quiet - 1));
        java.util.Arrays.sort(installs);
        java.util.Arrays.sort(unloads);
        report("    the hot installs themselves (directory change + first call)", installs, 0);
        report("    and the unloads of the versions left", unloads, 0);
    }

    /** The window the load threads record into; past the last one they stop. */
    private static volatile int window;

    /** Prints one window's line; returns its p99 in µs. */
    private static double line(String name, long[] sorted, long wallNanos, long errors, long gcMillis, long jitMillis) {
        double p99 = BenchHost.pct(sorted, 99) / 1e3;
        System.out.printf(
                "    %-22s %9d %8.0f %7d %9.1f %9.1f %9.1f %9.1f %7d %7d%n",
                name,
                sorted.length,
                sorted.length / (wallNanos / 1e9),
                errors,
                BenchHost.pct(sorted, 50) / 1e3,
                p99,
                BenchHost.pct(sorted, 99.9) / 1e3,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                gcMillis,
                jitMillis);
        return p99;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000), 0);
        }
    }

    private static PluginOutcome<TaxQuote> call(BenchHost host, String store, Cart cart) {
        return host.invoker.invoke(
                new StoreRef(store, store), PluginPoint.TAX_CALCULATOR, (c, ctx) -> c.quote(ctx, cart), null);
    }

    private static void expect(PluginOutcome<TaxQuote> outcome, String rule) {
        if (!outcome.answered()) {
            throw new IllegalStateException("no answer: " + outcome);
        }
        if (rule != null && !outcome.value().lineTaxes().get(0).ruleId().equals(rule)) {
            throw new IllegalStateException(
                    "answered by " + outcome.value().lineTaxes().get(0).ruleId() + ", not " + rule);
        }
    }

    /** Runs warm-up repetitions, then {@code reps} timed ones; returns the timed ones sorted. */
    private static long[] series(int reps, IntFunction<Long> rep) {
        long[] out = new long[reps];
        for (int i = 0; i < WARMUP_REPS + reps; i++) {
            long took = rep.apply(i);
            if (i >= WARMUP_REPS) {
                out[i - WARMUP_REPS] = took;
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private static void report(String what, long[] sorted) {
        report(what, sorted, WARMUP_REPS);
    }

    private static void report(String what, long[] sorted, int warmups) {
        System.out.printf(
                "%s: n=%d%s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what,
                sorted.length,
                warmups > 0 ? " (after " + warmups + " warm-up)" : "",
                BenchHost.pctMs(sorted, 50),
                BenchHost.pctMs(sorted, 99),
                BenchHost.pctMs(sorted, 100));
    }
}
