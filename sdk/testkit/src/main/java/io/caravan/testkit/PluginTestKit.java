package io.caravan.testkit;

import io.caravan.runtime.BundleLoadException;
import io.caravan.runtime.DryRun;
import io.caravan.runtime.DryRunResult;
import io.caravan.runtime.LoadedBundle;
import io.caravan.runtime.PluginFramework;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * Loads a built plugin bundle the way the platform loads it, so a test calls the <em>bundle</em>
 * (its manifest, its imports, its class loader, its {@code OSGI-INF/caravan-plugin.json}) and not
 * just the classes in {@code target/classes}.
 *
 * <pre>{@code
 * try (PluginTestKit kit = PluginTestKit.load(Path.of(System.getProperty("caravan.plugin.bundle")))) {
 *     TaxCalculator calc = kit.extension(TaxCalculator.class);
 *     TaxQuote q = calc.quote(kit.context().configuration("{...}").build(), cart);
 * }
 * }</pre>
 *
 * <p>There is no separate test implementation of loading: the kit starts the very
 * {@link PluginFramework} of the Caravan plugin runtime that the platform's plugin host starts (same
 * framework properties, only the SDK's packages visible to plugins, the same strict descriptor
 * reader, the same extension creation rules, one shared instance per point), on a fresh temporary
 * directory deleted on {@link #close()}. A bundle that loads here loads the same way in a store;
 * one that fails here fails there with the same message.
 *
 * <p>{@link #dryRun(Path)} runs the platform's upload dry run on a jar, so you see its verdict
 * before uploading.
 *
 * <p>Not thread-safe to load and close concurrently; the extension instances themselves are
 * whatever the plugin makes them. Use one kit per test class ({@code @BeforeAll}/{@code @AfterAll})
 * or per test (try-with-resources).
 */
public final class PluginTestKit implements AutoCloseable {

    /** The descriptor's path inside a plugin bundle. */
    public static final String DESCRIPTOR_PATH = PluginDescriptor.RESOURCE_PATH;

    private PluginFramework framework;
    private LoadedBundle loaded;
    private final Path storage;

    private PluginTestKit(PluginFramework framework, LoadedBundle loaded, Path storage) {
        this.framework = framework;
        this.loaded = loaded;
        this.storage = storage;
    }

    /**
     * Starts a framework, installs and starts the plugin bundle, reads its descriptor and creates
     * its extensions.
     *
     * @param bundleJar the built plugin jar, e.g. {@code target/my-plugin-1.0.0.jar}
     * @return the kit; close it
     * @throws IllegalArgumentException if there is no file at {@code bundleJar}
     * @throws IllegalStateException    if the jar is not a bundle, does not resolve or start, its
     *                                  descriptor is missing, malformed or disagrees with its
     *                                  manifest, or an extension class is not what the descriptor says
     */
    public static PluginTestKit load(Path bundleJar) {
        byte[] bytes = read(bundleJar);
        String location = location(bundleJar);
        Path storage;
        try {
            storage = Files.createTempDirectory("caravan-testkit-felix-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PluginFramework framework = null;
        try {
            framework = PluginFramework.start(storage);
            return new PluginTestKit(framework, framework.load(location, bytes), storage);
        } catch (BundleLoadException | IllegalStateException e) {
            if (framework != null) {
                framework.close();
            }
            deleteRecursively(storage);
            throw new IllegalStateException("Cannot load plugin bundle " + bundleJar + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the platform's upload dry run on a built jar (see {@link DryRun} for what it proves):
     * a fresh framework, the bundle loaded, and its health check asked as an unconfigured plugin.
     * A jar whose result is not {@link DryRunResult#passed()} is rejected at upload with the same
     * message.
     *
     * @param bundleJar the built plugin jar
     * @return the result
     * @throws IllegalArgumentException if there is no file at {@code bundleJar}
     */
    public static DryRunResult dryRun(Path bundleJar) {
        return DryRun.run(read(bundleJar), null, DryRun.DEFAULT_TIMEOUT);
    }

    private static byte[] read(Path bundleJar) {
        if (!Files.isRegularFile(bundleJar)) {
            throw new IllegalArgumentException(
                    "No plugin bundle at " + bundleJar.toAbsolutePath() + " (build it first: mvn package)");
        }
        try {
            return Files.readAllBytes(bundleJar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + bundleJar, e);
        }
    }

    /** {@code caravan:<symbolic name>@<version>}, from the jar's manifest. */
    private static String location(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + jar + " as a jar: " + e.getMessage(), e);
        }
        String bsn = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
        if (bsn == null || bsn.isBlank()) {
            throw new IllegalStateException(jar + " is not an OSGi bundle: no Bundle-SymbolicName header");
        }
        return "caravan:" + bsn.split(";")[0].trim() + "@" + (version == null ? "0.0.0" : version.trim());
    }

    /**
     * The shared instance the bundle provides for an extension point.
     *
     * @param point the SDK interface, e.g. {@code TaxCalculator.class}
     * @param <T>   its type
     * @return the instance, created by the bundle's class loader
     * @throws IllegalArgumentException if the descriptor lists no extension for that interface
     */
    public <T> T extension(Class<T> point) {
        for (Map.Entry<ExtensionPoint, Object> e : open().extensions().entrySet()) {
            if (e.getKey().interfaceName().equals(point.getName())) {
                return point.cast(e.getValue());
            }
        }
        throw new IllegalArgumentException("The plugin's descriptor lists no extension for " + point.getName()
                + "; it provides " + loaded.extensions().keySet());
    }

    /**
     * The shared instance the bundle provides for an extension point.
     *
     * @param point the extension point
     * @return the instance
     * @throws IllegalArgumentException if the descriptor does not list that point
     */
    public Object extension(ExtensionPoint point) {
        return open().extension(point)
                .orElseThrow(() -> new IllegalArgumentException("The plugin's descriptor does not list " + point));
    }

    /**
     * The bundle's {@code OSGI-INF/caravan-plugin.json}, as the platform reads it.
     *
     * @return the descriptor
     */
    public PluginDescriptor descriptor() {
        return open().descriptor();
    }

    /**
     * A context builder that knows the bundle's descriptor: its declared secret fields are readable
     * through {@code configuration().secret(...)} without listing them again.
     *
     * @return a new builder
     */
    public TestPluginContext.Builder context() {
        return TestPluginContext.builder().descriptor(open().descriptor());
    }

    /**
     * The installed plugin bundle (for its headers, state and class loader checks).
     *
     * @return the bundle
     */
    public Bundle bundle() {
        return open().bundle();
    }

    /**
     * The location the bundle was installed at.
     *
     * @return {@code caravan:<symbolic name>@<version>}
     */
    public String location() {
        return open().location();
    }

    private LoadedBundle open() {
        if (framework == null) {
            throw new IllegalStateException("The test kit is closed");
        }
        return loaded;
    }

    /**
     * Unloads the bundle (its class loader can then be collected), stops the framework, waits for
     * it to stop and deletes its storage directory. Idempotent.
     */
    @Override
    public void close() {
        PluginFramework f = framework;
        LoadedBundle b = loaded;
        framework = null;
        loaded = null;
        if (f == null) {
            return;
        }
        try {
            f.unload(b);
        } finally {
            f.close();
            deleteRecursively(storage);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the framework storage " + dir, e);
        }
    }
}
