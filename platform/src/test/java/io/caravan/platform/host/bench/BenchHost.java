package io.caravan.platform.host.bench;

import io.caravan.platform.host.application.BundleHost;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.InvokerSettings;
import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginDirectory;
import io.caravan.platform.host.application.PluginInvoker;
import io.caravan.platform.host.application.PluginRuntime;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.host.application.Tier;
import io.caravan.platform.host.infrastructure.felix.FelixBundleHost;
import io.caravan.platform.marketplace.application.BundleArchive;
import io.caravan.platform.marketplace.infrastructure.FileArtifactStore;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.runtime.PluginDescriptorReader;
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
import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real host outside the container for the benchmarks, as the host tests build one (their
 * HostFixture is package-private there): Felix started as the platform starts it, the file artifact
 * store on a temporary directory, the real runtime and invoker. The directory of installations —
 * the marketplace's cache in the server — is a map of store id to its installations, first choice
 * first.
 */
final class BenchHost implements AutoCloseable {
    static final Path BUNDLES = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));
    static final String ECHO_JAR = "caravan-test-echo-tax-v1.jar";
    static final String ECHO_V2_JAR = "caravan-test-echo-tax-v2.jar";
    static final String TAX_JAR = "caravan-plugin-tax.jar";

    final Path dir;
    final FileArtifactStore artifacts;
    final FelixBundleHost felix;
    final PluginRuntime runtime;
    final PluginInvoker invoker;
    /**
     * A second invoker over the same loaded bundles that sees them as {@link Tier#ISOLATED}, so its
     * calls take the hand-off path (the invoker's only path before issue #9): the baseline of the
     * inline path, in the same JVM, with the very same extension instances.
     */
    final PluginInvoker handoffInvoker;

    final Map<String, List<InstalledPlugin>> installations = new ConcurrentHashMap<>();

    BenchHost(InvokerSettings settings) {
        try {
            dir = Files.createTempDirectory("caravan-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        artifacts = FileArtifactStore.at(dir);
        felix = FelixBundleHost.start(dir.resolve("felix"));
        PluginDirectory directory = new PluginDirectory() {
            @Override
            public List<InstalledPlugin> providers(StoreRef store, ExtensionPoint point, RoutingFacts facts) {
                List<InstalledPlugin> all = installations.get(store.id());
                if (all == null) {
                    return List.of();
                }
                for (InstalledPlugin p : all) {
                    if (p.artifact().descriptor().extension(point).isPresent()) {
                        return List.of(p);
                    }
                }
                return List.of();
            }

            @Override
            public byte[] bundle(PluginArtifact artifact) {
                try {
                    return artifacts.read(artifact.sha256());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        runtime = new PluginRuntime(felix, directory, Clock.systemUTC());
        invoker = new PluginInvoker(directory, runtime, settings, Clock.systemUTC());
        BundleHost asIsolated = new BundleHost() {
            @Override
            public LoadedPlugin load(PluginArtifact artifact, byte[] bytes) {
                LoadedPlugin p = runtime.loaded(artifact);
                return new LoadedPlugin(p.artifact(), p.extensions(), p.classLoader(), p.handle(), Tier.ISOLATED);
            }

            @Override
            public void unload(LoadedPlugin plugin) {}

            @Override
            public boolean acceptsSdkRange(String range) {
                return felix.acceptsSdkRange(range);
            }

            @Override
            public String sdkVersion() {
                return felix.sdkVersion();
            }

            @Override
            public int bundleCount() {
                return felix.bundleCount();
            }
        };
        handoffInvoker = new PluginInvoker(
                directory, new PluginRuntime(asIsolated, directory, Clock.systemUTC()), settings, Clock.systemUTC());
    }

    static byte[] bundleBytes(String jarName) {
        try {
            return Files.readAllBytes(BUNDLES.resolve(jarName));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + BUNDLES.resolve(jarName)
                            + " (run from platform/ after test-compile, or set -Dcaravan.test.bundles)",
                    e);
        }
    }

    /** Puts a built bundle into the artifact store and returns its artifact (a "release"). */
    PluginArtifact publish(String jarName) {
        return publish(bundleBytes(jarName));
    }

    PluginArtifact publish(byte[] bytes) {
        try {
            String sha = artifacts.put(bytes);
            BundleArchive archive = BundleArchive.read(bytes);
            PluginDescriptor descriptor = PluginDescriptorReader.read(archive.descriptorJson());
            return new PluginArtifact(
                    new ReleaseId(UUID.randomUUID().toString()), archive.symbolicName(), sha, descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs (or moves) a store's only installation onto an artifact with a configuration. */
    InstalledPlugin install(String store, PluginArtifact artifact, String configuration) {
        List<InstalledPlugin> previous = installations.get(store);
        InstalledPlugin installed = new InstalledPlugin(
                previous == null
                        ? new InstallationId(UUID.randomUUID().toString())
                        : previous.get(0).installationId(),
                new StoreRef(store, store),
                artifact,
                JsonPluginConfiguration.parse(
                        configuration, artifact.descriptor().secretFields()));
        installations.put(store, List.of(installed));
        return installed;
    }

    void uninstall(String store) {
        List<InstalledPlugin> removed = installations.remove(store);
        if (removed != null) {
            removed.forEach(p -> invoker.forget(p.installationId()));
        }
    }

    @Override
    public void close() {
        invoker.close();
        handoffInvoker.close();
        runtime.unloadAll();
        felix.close();
        deleteTree(dir);
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cart of one line, shipped from Portugal. */
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

    /** A store's configuration of the tax plugin as a merchant would fill it in. */
    static String taxConfiguration(int store) {
        return "{\"originCountry\":\"PT\",\"dutyTreatment\":\"" + (store % 2 == 0 ? "DAP" : "DDP")
                + "\",\"registrations\":{\"oss\":true,\"iossNumber\":\"IM" + String.format("%010d", store)
                + "\",\"ukVat\":" + (store % 3 == 0) + "},\"fxRates\":{\"USD_EUR\":0.92,\"GBP_EUR\":1.17}}";
    }

    static String echoConfiguration(int store) {
        return "{\"label\":\"Store " + store + " — shown on every tax line\"}";
    }

    /**
     * The same bundle under another version: Bundle-Version in the manifest and "version" in the
     * descriptor rewritten, everything else byte for byte. Gives as many never-loaded versions of a
     * real plugin as a benchmark needs.
     */
    static byte[] withVersion(byte[] jar, String version) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length + 512);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals(PluginDescriptor.RESOURCE_PATH)) {
                        String json = new String(content, StandardCharsets.UTF_8);
                        Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"[^\"]*\"")
                                .matcher(json);
                        if (!m.find()) {
                            throw new IllegalStateException("no version in the descriptor");
                        }
                        content = (json.substring(0, m.start()) + "\"version\": \"" + version + "\""
                                        + json.substring(m.end()))
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** p-th percentile (0..100) of sorted nanos, in ms. */
    static double pctMs(long[] sorted, double p) {
        return pct(sorted, p) / 1e6;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** A growable array of longs (samples without boxing). */
    static final class Longs {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        long[] sorted() {
            long[] copy = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(copy);
            return copy;
        }

        static long[] merged(List<Longs> parts) {
            List<long[]> arrays = new ArrayList<>();
            int total = 0;
            for (Longs l : parts) {
                arrays.add(java.util.Arrays.copyOf(l.values, l.size));
                total += l.size;
            }
            long[] all = new long[total];
            int at = 0;
            for (long[] a : arrays) {
                System.arraycopy(a, 0, all, at, a.length);
                at += a.length;
            }
            java.util.Arrays.sort(all);
            return all;
        }
    }
}
