package io.caravan.platform.host.infrastructure.sandbox;

import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.infrastructure.felix.FelixBundleHost;
import io.caravan.platform.host.infrastructure.felix.ScratchFrameworkDryRun;
import io.caravan.runtime.DryRunResult;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import io.caravan.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's costs, measured against the in-process baseline in the same run (BENCHMARKS.md,
 * issue #9). Not run by the build (named {@code *Benchmark}). From {@code platform/}:
 *
 * <pre>
 * java -cp $CP io.caravan.platform.host.infrastructure.sandbox.SandboxBenchmark [calls]
 * </pre>
 *
 * <ol>
 *   <li>call cost: the same quote on the in-process extension (baseline) and through an isolated
 *       proxy to a sandbox worker, echo-tax and the first-party tax plugin, alternated in rounds;</li>
 *   <li>sandbox start: 10 workers started one after another (JVM start to {@code ready});</li>
 *   <li>memory per worker: the cgroup's usage of an idle worker with the tax plugin loaded;</li>
 *   <li>dry run per upload: in a scratch framework in this JVM (the old way) and in a sandbox
 *       worker taken from the warm spare (the new way);</li>
 *   <li>overrun to replacement: a spinning call killed at its deadline, until the pool's
 *       replacement worker is ready to serve.</li>
 * </ol>
 */
public final class SandboxBenchmark {
    private SandboxBenchmark() {}

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path dir = Files.createTempDirectory("caravan-sandbox-bench-");
        SandboxLauncher launcher = new SandboxLauncher(
                SandboxSettings.defaults(dir.resolve("sandbox")).withAllowWeak(true));
        System.out.println("walls: " + launcher.walls().describe());
        SpareWorkers spares = new SpareWorkers(launcher);
        IsolatedBundleHost isolated = new IsolatedBundleHost(launcher, spares);
        FelixBundleHost felix = FelixBundleHost.start(dir.resolve("felix"));
        try {
            for (String jar : List.of("caravan-test-echo-tax-v1.jar", "caravan-plugin-tax.jar")) {
                boolean tax = jar.contains("plugin-tax");
                String config = tax
                        ? "{\"originCountry\":\"PT\",\"dutyTreatment\":\"DAP\",\"registrations\":{\"oss\":true,"
                                + "\"iossNumber\":\"IM0000000001\",\"ukVat\":false},\"fxRates\":{\"USD_EUR\":0.92,"
                                + "\"GBP_EUR\":1.17}}"
                        : "{\"label\":\"Store 1\"}";
                byte[] bytes = Files.readAllBytes(SandboxTest.BUNDLES.resolve(jar));
                PluginArtifact artifact = SandboxTest.uncertified(jar);
                LoadedPlugin inProcess = felix.load(artifact, bytes);
                LoadedPlugin sandboxed = isolated.load(artifact, bytes);
                TaxCalculator direct = (TaxCalculator)
                        inProcess.extension(ExtensionPoint.TAX_CALCULATOR).orElseThrow();
                TaxCalculator proxy = (TaxCalculator)
                        sandboxed.extension(ExtensionPoint.TAX_CALCULATOR).orElseThrow();
                Cart cart = SandboxTest.cart("DE");
                TestPluginContext context = TestPluginContext.builder()
                        .storeSlug("bench")
                        .clock(Clock.systemUTC())
                        .timeout(Duration.ofSeconds(30))
                        .configuration(config)
                        .build();
                if (!direct.quote(context, cart).equals(proxy.quote(context, cart))) {
                    throw new IllegalStateException("the in-process and sandboxed quotes differ");
                }
                for (int round = 1; round <= 3; round++) {
                    long[] d = time(direct, context, cart, calls);
                    long[] s = time(proxy, context, cart, calls);
                    System.out.printf(
                            Locale.ROOT,
                            "%s round %d: in-process p50 %.1f p90 %.1f p99 %.1f µs | sandbox p50 %.1f p90 %.1f p99 %.1f µs"
                                    + " | added at p50 %.1f µs%n",
                            tax ? "tax" : "echo",
                            round,
                            q(d, 50),
                            q(d, 90),
                            q(d, 99),
                            q(s, 50),
                            q(s, 90),
                            q(s, 99),
                            q(s, 50) - q(d, 50));
                }
                if (tax) {
                    WorkerPool pool = (WorkerPool) sandboxed.handle();
                    System.out.println("memory of an idle worker with the tax plugin loaded: " + memory(pool));
                }
                isolated.unload(sandboxed);
                felix.unload(inProcess);
            }

            long[] starts = new long[10];
            for (int i = 0; i < starts.length; i++) {
                long t = System.nanoTime();
                WorkerProcess worker = launcher.start();
                starts[i] = System.nanoTime() - t;
                worker.kill();
                worker.awaitExit(Duration.ofSeconds(5));
            }
            Arrays.sort(starts);
            System.out.printf(
                    Locale.ROOT,
                    "sandbox start (JVM to ready), 10 starts: min %d ms, median %d ms, max %d ms%n",
                    starts[0] / 1_000_000,
                    starts[5] / 1_000_000,
                    starts[9] / 1_000_000);

            byte[] upload = Files.readAllBytes(SandboxTest.BUNDLES.resolve("caravan-plugin-tax.jar"));
            ScratchFrameworkDryRun before = new ScratchFrameworkDryRun(dir.resolve("dry"), Duration.ofSeconds(10));
            SandboxDryRun after = new SandboxDryRun(launcher, spares, Duration.ofSeconds(10));
            for (int round = 1; round <= 3; round++) {
                long b = dryRun(before::run, upload);
                awaitSpare(spares);
                long a = dryRun(after::run, upload);
                System.out.printf(
                        Locale.ROOT,
                        "dry run of the tax plugin, round %d: in this JVM %d ms, sandbox %d ms%n",
                        round,
                        b,
                        a);
            }

            byte[] misbehaving = Files.readAllBytes(SandboxTest.BUNDLES.resolve("caravan-test-misbehaving.jar"));
            LoadedPlugin spinner = isolated.load(SandboxTest.uncertified("caravan-test-misbehaving.jar"), misbehaving);
            TaxCalculator spinning = (TaxCalculator)
                    spinner.extension(ExtensionPoint.TAX_CALCULATOR).orElseThrow();
            WorkerPool pool = (WorkerPool) spinner.handle();
            for (int round = 1; round <= 3; round++) {
                try {
                    spinning.quote(
                            TestPluginContext.builder()
                                    .clock(Clock.systemUTC())
                                    .timeout(Duration.ofMillis(500))
                                    .configuration("{\"mode\":\"spin\",\"millis\":60000}")
                                    .build(),
                            SandboxTest.cart("DE"));
                    throw new IllegalStateException("the spinning call answered");
                } catch (RuntimeException expected) {
                    // killed
                }
                long replaced = pool.replacements();
                Instant waitUntil = Instant.now().plusSeconds(30);
                while (pool.replacements() == replaced && Instant.now().isBefore(waitUntil)) {
                    pause(); // a spinning poll would take one of the machine's two cores from the replacement
                }
                System.out.println("overrun to replacement ready, round " + round + ": "
                        + pool.lastReplacement().toMillis() + " ms");
            }
        } finally {
            isolated.close();
            spares.close();
            felix.close();
        }
    }

    private interface DryRunner {
        DryRunResult run(byte[] bundle);
    }

    private static long dryRun(DryRunner runner, byte[] bundle) {
        long t = System.nanoTime();
        DryRunResult result = runner.run(bundle);
        if (!result.passed()) {
            throw new IllegalStateException("dry run failed: " + result.message());
        }
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void awaitSpare(SpareWorkers spares) {
        Instant until = Instant.now().plusSeconds(30);
        while (spares.readyCount() == 0 && Instant.now().isBefore(until)) {
            pause();
        }
    }

    /** The pause between two polls of a condition. */
    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(1));
    }

    private static String memory(WorkerPool pool) {
        List<Long> pids = pool.idlePids();
        long rss = 0;
        for (long pid : pids) {
            rss += ProcessHandle.of(pid).stream()
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                    .mapToLong(SandboxBenchmark::rssKb)
                    .sum();
        }
        return pids.size() + " worker(s), resident set " + rss / 1024 + " MiB";
    }

    private static long rssKb(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long[] time(TaxCalculator calculator, TestPluginContext context, Cart cart, int calls) {
        for (int i = 0; i < calls / 2; i++) {
            calculator.quote(context, cart);
        }
        long[] nanos = new long[calls];
        TaxQuote sink = null;
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            sink = calculator.quote(context, cart);
            nanos[i] = System.nanoTime() - t;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double q(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1000.0;
    }
}
