package io.caravan.platform.host.bench;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.InvokerSettings;
import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.infrastructure.felix.FelixBundleHost;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.sdk.model.Cart;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.tax.TaxCalculator;
import io.caravan.sdk.tax.TaxQuote;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Memory per (store, installation) in the one shared framework, against one framework per store
 * (issue #3 goal: at most 2 KB per installation beyond the shared bundles).
 *
 * <p>Part 1: one host, the echo-tax and tax bundles loaded once; {@code stores} × 6 installations as
 * the marketplace directory caches them ({@link InstalledPlugin} with its configuration parsed from
 * a realistic JSON document), each called once through the invoker so its bulkhead, breaker and
 * metric series exist. The six installations of a store are six different plugins (ids
 * {@code bench-echo-a..c} over the echo bundle, {@code bench-tax-a..c} over the tax bundle — the
 * same release, so the two bundles stay shared): each gets its own guard and metric series, as six
 * real plugins would. Retained heap is the live total of a class histogram (full GC) before and
 * after, divided by the number of installations.
 *
 * <p>Part 2: {@code frameworks} Felix frameworks, each started as the platform starts its one, with
 * the echo and tax bundles installed, started, their extensions created and called once: live heap
 * and metaspace per framework.
 *
 * <p>Run (see BENCHMARKS.md): {@code java -Xmx3g -cp ... io.caravan.platform.host.bench.InstallationMemoryBenchmark [stores] [frameworks]}.
 */
public final class InstallationMemoryBenchmark {
    private static final int PER_STORE = 6;

    private InstallationMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int stores = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int frameworks = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.printf(
                "JVM %s, %d CPUs, max heap %d MB%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        shared(stores);
        perStoreFrameworks(frameworks);
    }

    private static void shared(int stores) {
        Cart cart = BenchHost.cart("DE");
        BenchHost host = new BenchHost(InvokerSettings.defaults());
        PluginArtifact echo = host.publish(BenchHost.ECHO_JAR);
        PluginArtifact tax = host.publish(BenchHost.TAX_JAR);
        PluginArtifact[] six = {
            renamed(echo, "bench-echo-a"),
            renamed(echo, "bench-echo-b"),
            renamed(echo, "bench-echo-c"),
            renamed(tax, "bench-tax-a"),
            renamed(tax, "bench-tax-b"),
            renamed(tax, "bench-tax-c")
        };

        // warm-up: 100 stores, each installation called, so classes, caches and JIT are settled
        create(host, six, 100, "warmup");
        callAll(host, cart);
        System.out.printf(
                "Bundles loaded: %d (runtime releases: %d)%n", host.felix.bundleCount(), host.runtime.loadedCount());

        LiveHeap m0 = LiveHeap.take();
        long t0 = System.nanoTime();
        List<String> created = create(host, six, stores, "store");
        long t1 = System.nanoTime();
        LiveHeap m1 = LiveHeap.take();
        int calls = 0;
        for (String store : created) {
            calls += call(host, host.installations.get(store), cart);
        }
        long t2 = System.nanoTime();
        LiveHeap m2 = LiveHeap.take();
        int n = stores * PER_STORE;

        System.out.printf(
                "%nShared framework: %,d stores x %d installations = %,d installations, %,d calls "
                        + "(directory built in %.1f s, calls took %.1f s)%n",
                stores, PER_STORE, n, calls, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        System.out.printf(
                "  live heap: before %,d B, directory built %,d B, after first calls %,d B%n",
                m0.bytes, m1.bytes, m2.bytes);
        System.out.printf(
                "  per installation: directory entry (InstalledPlugin + parsed configuration) %,.0f B, "
                        + "invoker state (guard + metric series) %,.0f B, total %,.0f B%n",
                (m1.bytes - m0.bytes) / (double) n,
                (m2.bytes - m1.bytes) / (double) n,
                (m2.bytes - m0.bytes) / (double) n);
        System.out.printf("  metaspace: before %,d B, after %,d B%n", m0.metaspace, m2.metaspace);
        System.out.println("  growth by class, directory entry (per installation):");
        System.out.print(m1.topGrowth(m0, 12, n));
        System.out.println("  growth by class, invoker state (per installation):");
        System.out.print(m2.topGrowth(m1, 12, n));
        host.close();
    }

    /** The same release under another plugin id: a distinct plugin to the invoker, the same bundle to the runtime. */
    private static PluginArtifact renamed(PluginArtifact artifact, String id) {
        PluginDescriptor d = artifact.descriptor();
        return new PluginArtifact(
                artifact.releaseId(),
                artifact.symbolicName(),
                artifact.sha256(),
                new PluginDescriptor(
                        id,
                        d.name(),
                        d.version(),
                        d.sdkRange(),
                        d.kinds(),
                        d.extensions(),
                        d.configurationSchema(),
                        d.secretFields(),
                        d.permissions()));
    }

    private static List<String> create(BenchHost host, PluginArtifact[] six, int stores, String prefix) {
        List<String> ids = new ArrayList<>(stores);
        for (int s = 0; s < stores; s++) {
            String storeId = UUID.randomUUID().toString();
            String slug = prefix + "-" + s;
            List<InstalledPlugin> installed = new ArrayList<>(PER_STORE);
            for (int i = 0; i < PER_STORE; i++) {
                PluginArtifact artifact = six[i];
                String json = i < 3 ? BenchHost.echoConfiguration(s) : BenchHost.taxConfiguration(s);
                installed.add(new InstalledPlugin(
                        new InstallationId(UUID.randomUUID().toString()),
                        new StoreRef(storeId, slug),
                        artifact,
                        JsonPluginConfiguration.parse(
                                json, artifact.descriptor().secretFields())));
            }
            host.installations.put(storeId, List.copyOf(installed));
            ids.add(storeId);
        }
        return ids;
    }

    private static void callAll(BenchHost host, Cart cart) {
        host.installations.values().forEach(list -> call(host, list, cart));
    }

    private static int call(BenchHost host, List<InstalledPlugin> installed, Cart cart) {
        for (InstalledPlugin p : installed) {
            PluginOutcome<TaxQuote> outcome = host.invoker.invoke(
                    p, PluginPoint.TAX_CALCULATOR, (c, ctx) -> c.quote(ctx, cart), null, Locale.ROOT);
            if (!outcome.answered()) {
                throw new IllegalStateException(p.pluginId() + " did not answer: " + outcome);
            }
        }
        return installed.size();
    }

    private static void perStoreFrameworks(int count) throws IOException {
        Cart cart = BenchHost.cart("DE");
        byte[] echoBytes = BenchHost.bundleBytes(BenchHost.ECHO_JAR);
        byte[] taxBytes = BenchHost.bundleBytes(BenchHost.TAX_JAR);
        Path root = Files.createTempDirectory("caravan-bench-frameworks-");
        // one framework first, closed again, so Felix's own classes (loaded once per JVM) are not counted per store
        try (BenchHost warm = new BenchHost(InvokerSettings.defaults())) {
            startOne(root.resolve("warm"), warm.publish(echoBytes), warm.publish(taxBytes), echoBytes, taxBytes, cart)
                    .close();
        }
        PluginArtifact echo;
        PluginArtifact tax;
        try (BenchHost meta = new BenchHost(InvokerSettings.defaults())) {
            echo = meta.publish(echoBytes);
            tax = meta.publish(taxBytes);
        }
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        LiveHeap before = LiveHeap.take();
        List<FelixBundleHost> started = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            started.add(startOne(root.resolve("f" + i), echo, tax, echoBytes, taxBytes, cart));
        }
        long t1 = System.nanoTime();
        LiveHeap after = LiveHeap.take();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        System.out.printf(
                "%nOne framework per store: %d frameworks, each with the echo and tax bundles started, "
                        + "extensions created and called once (%.0f ms per framework)%n",
                count, (t1 - t0) / 1e6 / count);
        System.out.printf(
                "  per framework: live heap %,.0f B, metaspace %,.0f B, threads %.1f%n",
                (after.bytes - before.bytes) / (double) count,
                (after.metaspace - before.metaspace) / (double) count,
                (threadsAfter - threadsBefore) / (double) count);
        System.out.println("  growth by class (per framework):");
        System.out.print(after.topGrowth(before, 8, count));
        for (FelixBundleHost f : started) {
            f.close();
        }
        BenchHost.deleteTree(root);
    }

    private static FelixBundleHost startOne(
            Path storage, PluginArtifact echo, PluginArtifact tax, byte[] echoBytes, byte[] taxBytes, Cart cart) {
        FelixBundleHost felix = FelixBundleHost.start(storage);
        for (LoadedPlugin plugin : List.of(felix.load(echo, echoBytes), felix.load(tax, taxBytes))) {
            TaxCalculator calculator = (TaxCalculator) plugin.extensions().get(ExtensionPoint.TAX_CALCULATOR);
            String config = plugin.artifact() == echo ? BenchHost.echoConfiguration(1) : BenchHost.taxConfiguration(1);
            calculator.quote(
                    new DirectContext(
                            "s",
                            JsonPluginConfiguration.parse(config, java.util.Set.of()),
                            Clock.systemUTC(),
                            Instant.now().plusSeconds(1)),
                    cart);
        }
        return felix;
    }

    static {
        // the runtime logs every load at INFO; the benchmark prints its own lines
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
}
