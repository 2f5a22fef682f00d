package io.caravan.platform.host.infrastructure.sandbox;

import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * A sandboxed version's first call after its load, against its second call (BENCHMARKS.md, "first
 * call of a sandboxed version"). Not run by the build. From {@code platform/}:
 *
 * <pre>
 * java -cp $CP io.caravan.platform.host.infrastructure.sandbox.FirstCallBenchmark [rounds]
 * </pre>
 *
 * Each round loads the first-party tax plugin into a new worker pool (its worker taken from the warm
 * spare, whose replacement then starts, as on a node), times the load, the first and the second
 * quote, and unloads it. Two series: the first call right after the load (the spare's replacement
 * JVM starting beside it, as in production), and after waiting for the replacement to be up.
 */
public final class FirstCallBenchmark {
    private FirstCallBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("caravan-first-call-bench-");
        SandboxLauncher launcher = new SandboxLauncher(
                SandboxSettings.defaults(dir.resolve("sandbox")).withAllowWeak(true));
        System.out.println("walls: " + launcher.walls().describe());
        SpareWorkers spares = new SpareWorkers(launcher);
        IsolatedBundleHost isolated = new IsolatedBundleHost(launcher, spares);
        String jar = "caravan-plugin-tax.jar";
        String config = "{\"originCountry\":\"PT\",\"dutyTreatment\":\"DAP\",\"registrations\":{\"oss\":true,"
                + "\"iossNumber\":\"IM0000000001\",\"ukVat\":false},\"fxRates\":{\"USD_EUR\":0.92,"
                + "\"GBP_EUR\":1.17}}";
        byte[] bytes = Files.readAllBytes(SandboxTest.BUNDLES.resolve(jar));
        PluginArtifact artifact = SandboxTest.uncertified(jar);
        Cart cart = SandboxTest.cart("DE");
        TestPluginContext context = TestPluginContext.builder()
                .storeSlug("bench")
                .clock(Clock.systemUTC())
                .timeout(Duration.ofSeconds(30))
                .configuration(config)
                .build();
        try {
            for (boolean waitForSpare : new boolean[] {false, true}) {
                long[] loads = new long[rounds];
                long[] firsts = new long[rounds];
                long[] seconds = new long[rounds];
                for (int round = 0; round < rounds; round++) {
                    awaitSpare(spares);
                    long t = System.nanoTime();
                    LoadedPlugin sandboxed = isolated.load(artifact, bytes);
                    loads[round] = System.nanoTime() - t;
                    if (waitForSpare) {
                        awaitSpare(spares);
                    }
                    TaxCalculator proxy = (TaxCalculator)
                            sandboxed.extension(ExtensionPoint.TAX_CALCULATOR).orElseThrow();
                    t = System.nanoTime();
                    proxy.quote(context, cart);
                    firsts[round] = System.nanoTime() - t;
                    t = System.nanoTime();
                    proxy.quote(context, cart);
                    seconds[round] = System.nanoTime() - t;
                    isolated.unload(sandboxed);
                }
                String series = waitForSpare ? "after the spare's replacement is up" : "right after the load";
                System.out.println(series + ": load " + stats(loads) + " | first call " + stats(firsts)
                        + " | second call " + stats(seconds));
            }
        } finally {
            isolated.close();
            spares.close();
        }
    }

    private static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "min %.1f median %.1f max %.1f ms",
                sorted[0] / 1e6,
                sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static void awaitSpare(SpareWorkers spares) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (spares.readyCount() == 0 && Instant.now().isBefore(until)) {
            Thread.sleep(5); // a spinning poll would take one of the machine's two cores from the starting JVM
        }
        if (spares.readyCount() == 0) {
            throw new IllegalStateException("no spare came up within 30 s");
        }
    }
}
