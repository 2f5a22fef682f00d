package io.caravan.testkit;

import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.ExtensionPoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Loads a built plugin bundle into an embedded Apache Felix configured the way the platform's
 * plugin host configures it, so a test calls the <em>bundle</em> (its manifest, its imports, its
 * class loader, its {@code OSGI-INF/caravan-plugin.json}) and not just the classes in
 * {@code target/classes}.
 *
 * <pre>{@code
 * try (PluginTestKit kit = PluginTestKit.load(Path.of(System.getProperty("plugin.bundle")))) {
 *     TaxCalculator calc = kit.extension(TaxCalculator.class);
 *     TaxQuote q = calc.quote(TestPluginContext.builder().configuration("{...}").build(), cart);
 * }
 * }</pre>
 *
 * <p>What the framework looks like: its own storage directory (a fresh temporary directory per kit,
 * {@code org.osgi.framework.storage.clean=onFirstInit}, deleted on {@link #close()});
 * {@code felix.service.urlhandlers=false}; {@code felix.bootdelegation.implicit=false}; the only
 * non-{@code java.*} packages a plugin can import are the SDK's, passed through
 * {@code org.osgi.framework.system.packages.extra} with the versions the SDK bundle's own
 * {@code Export-Package} header declares, and a resolver hook removes every other candidate (the
 * JRE's {@code javax.*} packages the system bundle also exports, other bundles' exports), so a
 * bundle importing anything but the SDK fails to resolve here as it would in the platform. The bundle is installed at location
 * {@code caravan:<symbolic name>@<version>} and started; each extension the descriptor lists is
 * loaded with {@link Bundle#loadClass(String)}, checked against the SDK interface of its point, and
 * instantiated once through its public no-argument constructor — one shared instance per point,
 * as the platform shares one instance among all stores.
 *
 * <p>Not thread-safe to load and close concurrently; the extension instances themselves are
 * whatever the plugin makes them. Use one kit per test class ({@code @BeforeAll}/{@code @AfterAll})
 * or per test (try-with-resources).
 */
public final class PluginTestKit implements AutoCloseable {

    /** The descriptor's path inside a plugin bundle. */
    public static final String DESCRIPTOR_PATH = "OSGI-INF/caravan-plugin.json";

    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private Framework framework;
    private Bundle bundle;
    private final Path storage;
    private final JsonObject descriptor;
    private final Map<ExtensionPoint, Object> extensions;
    private final String location;

    private PluginTestKit(Framework framework, Bundle bundle, Path storage, JsonObject descriptor,
            Map<ExtensionPoint, Object> extensions, String location) {
        this.framework = framework;
        this.bundle = bundle;
        this.storage = storage;
        this.descriptor = descriptor;
        this.extensions = extensions;
        this.location = location;
    }

    /**
     * Starts a framework, installs and starts the plugin bundle, reads its descriptor and creates
     * its extensions.
     *
     * @param bundleJar the built plugin jar, e.g. {@code target/my-plugin-1.0.0.jar}
     * @return the kit; close it
     * @throws IllegalStateException if the bundle does not resolve or start, its descriptor is
     *                               missing or malformed, or an extension class is not what the
     *                               descriptor says
     */
    public static PluginTestKit load(Path bundleJar) {
        if (!Files.isRegularFile(bundleJar)) {
            throw new IllegalArgumentException("No plugin bundle at " + bundleJar.toAbsolutePath()
                    + " (build it first: mvn package)");
        }
        Manifest manifest = readManifest(bundleJar);
        String bsn = header(manifest, Constants.BUNDLE_SYMBOLICNAME, bundleJar).split(";")[0].trim();
        String version = header(manifest, Constants.BUNDLE_VERSION, bundleJar).trim();
        String location = "caravan:" + bsn + "@" + version;

        Path storage;
        try {
            storage = Files.createTempDirectory("caravan-testkit-felix-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Framework framework = new FrameworkFactory().newFramework(frameworkConfig(storage));
        Bundle bundle = null;
        try {
            framework.start();
            framework.getBundleContext().registerService(ResolverHookFactory.class, SdkOnlyResolverHook.factory(), null);
            try (InputStream in = Files.newInputStream(bundleJar)) {
                bundle = framework.getBundleContext().installBundle(location, in);
            }
            bundle.start();
            JsonObject descriptor = readDescriptor(bundle);
            Map<ExtensionPoint, Object> extensions = createExtensions(bundle, descriptor);
            return new PluginTestKit(framework, bundle, storage, descriptor, extensions, location);
        } catch (BundleException | IOException | RuntimeException e) {
            stopQuietly(framework, bundle, storage);
            throw new IllegalStateException("Cannot load plugin bundle " + bundleJar + ": " + e.getMessage(), e);
        }
    }

    /**
     * The framework properties, as the platform's host sets them (see STACK.md).
     *
     * @param storage the storage directory
     * @return the configuration map
     */
    static Map<String, String> frameworkConfig(Path storage) {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.service.urlhandlers", "false");
        config.put("felix.bootdelegation.implicit", "false");
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, sdkSystemPackages());
        return config;
    }

    /**
     * The SDK's exported packages with their versions, read from the SDK bundle's own manifest
     * (the jar, or the build's {@code target/classes}, that {@link Money} was loaded from).
     *
     * @return e.g. {@code io.caravan.sdk.money;version=1.0.0,io.caravan.sdk.plugin;version=1.0.0,...}
     */
    public static String sdkSystemPackages() {
        String exports = sdkManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        if (exports == null || exports.isBlank()) {
            throw new IllegalStateException("The SDK bundle's manifest has no Export-Package header");
        }
        List<String> packages = new ArrayList<>();
        for (String clause : splitClauses(exports)) {
            String[] parts = clause.split(";");
            String name = parts[0].trim();
            String pkgVersion = "0.0.0";
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("version=")) {
                    pkgVersion = p.substring("version=".length()).replace("\"", "").trim();
                }
            }
            packages.add(name + ";version=" + pkgVersion);
        }
        return String.join(",", packages);
    }

    /** Splits a manifest header at the commas that are not inside double quotes. */
    private static List<String> splitClauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            clauses.add(current.toString());
        }
        return clauses;
    }

    private static Manifest sdkManifest() {
        Path where;
        try {
            where = Path.of(Money.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot find where the SDK (io.caravan.sdk.money.Money) was loaded from", e);
        }
        if (Files.isDirectory(where)) {
            Path mf = where.resolve("META-INF/MANIFEST.MF");
            try (InputStream in = Files.newInputStream(mf)) {
                return new Manifest(in);
            } catch (IOException e) {
                throw new UncheckedIOException("No SDK bundle manifest at " + mf, e);
            }
        }
        return readManifest(where);
    }

    private static Manifest readManifest(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            if (m == null) {
                throw new IllegalStateException(jar + " has no META-INF/MANIFEST.MF");
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private static String header(Manifest m, String name, Path jar) {
        String value = m.getMainAttributes().getValue(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(jar + " is not an OSGi bundle: no " + name + " header");
        }
        return value;
    }

    private static JsonObject readDescriptor(Bundle bundle) throws IOException {
        URL entry = bundle.getEntry(DESCRIPTOR_PATH);
        if (entry == null) {
            throw new IllegalStateException("The bundle has no " + DESCRIPTOR_PATH);
        }
        try (InputStream in = entry.openStream(); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    private static Map<ExtensionPoint, Object> createExtensions(Bundle bundle, JsonObject descriptor) {
        Map<ExtensionPoint, Object> extensions = new EnumMap<>(ExtensionPoint.class);
        if (!descriptor.containsKey("extensions") || descriptor.get("extensions").getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalStateException(DESCRIPTOR_PATH + ": \"extensions\" must be an array");
        }
        for (JsonValue v : descriptor.getJsonArray("extensions")) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalStateException(DESCRIPTOR_PATH + ": each extension must be an object");
            }
            JsonObject ext = v.asJsonObject();
            ExtensionPoint point = ExtensionPoint.valueOf(requiredString(ext, "point"));
            String className = requiredString(ext, "class");
            requiredString(ext, "failurePolicy");
            if (extensions.containsKey(point)) {
                throw new IllegalStateException(DESCRIPTOR_PATH + ": point " + point + " listed twice");
            }
            extensions.put(point, instantiate(bundle, point, className));
        }
        return extensions;
    }

    private static Object instantiate(Bundle bundle, ExtensionPoint point, String className) {
        try {
            Class<?> iface = Class.forName(point.interfaceName(), false, ExtensionPoint.class.getClassLoader());
            Class<?> ifaceSeenByBundle = bundle.loadClass(point.interfaceName());
            if (ifaceSeenByBundle != iface) {
                throw new IllegalStateException("The bundle sees another " + point.interfaceName()
                        + " than the SDK's (class identity broken)");
            }
            Class<?> impl = bundle.loadClass(className);
            if (!iface.isAssignableFrom(impl)) {
                throw new IllegalStateException(className + " does not implement " + point.interfaceName()
                        + " required by point " + point);
            }
            if (!Modifier.isPublic(impl.getModifiers()) || Modifier.isAbstract(impl.getModifiers())) {
                throw new IllegalStateException(className + " must be a public concrete class");
            }
            Constructor<?> ctor = impl.getConstructor();
            return ctor.newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Point " + point + ": class not found in the bundle: " + e.getMessage(), e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(className + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(className + "'s constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate " + className + ": " + e, e);
        }
    }

    private static String requiredString(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (!(v instanceof JsonString s) || s.getString().isBlank()) {
            throw new IllegalStateException(DESCRIPTOR_PATH + ": extension member \"" + name + "\" must be a non-blank string");
        }
        return s.getString();
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
        ensureOpen();
        for (Map.Entry<ExtensionPoint, Object> e : extensions.entrySet()) {
            if (e.getKey().interfaceName().equals(point.getName())) {
                return point.cast(e.getValue());
            }
        }
        throw new IllegalArgumentException("The plugin's descriptor lists no extension for " + point.getName()
                + "; it provides " + extensions.keySet());
    }

    /**
     * The shared instance the bundle provides for an extension point.
     *
     * @param point the extension point
     * @return the instance
     * @throws IllegalArgumentException if the descriptor does not list that point
     */
    public Object extension(ExtensionPoint point) {
        ensureOpen();
        Object o = extensions.get(point);
        if (o == null) {
            throw new IllegalArgumentException("The plugin's descriptor does not list " + point);
        }
        return o;
    }

    /**
     * The bundle's {@code OSGI-INF/caravan-plugin.json}, parsed.
     *
     * @return the descriptor
     */
    public JsonObject descriptor() {
        return descriptor;
    }

    /**
     * The installed plugin bundle (for its headers, state and class loader checks).
     *
     * @return the bundle
     */
    public Bundle bundle() {
        ensureOpen();
        return bundle;
    }

    /**
     * The location the bundle was installed at.
     *
     * @return {@code caravan:<symbolic name>@<version>}
     */
    public String location() {
        return location;
    }

    private void ensureOpen() {
        if (framework == null) {
            throw new IllegalStateException("The test kit is closed");
        }
    }

    /**
     * Uninstalls the bundle, refreshes the framework's wiring (so its class loader can go), stops
     * the framework, waits for it to stop and deletes its storage directory. Idempotent.
     */
    @Override
    public void close() {
        Framework f = framework;
        Bundle b = bundle;
        framework = null;
        bundle = null;
        extensions.clear();
        if (f != null) {
            stop(f, b, storage);
        }
    }

    private static void stopQuietly(Framework framework, Bundle bundle, Path storage) {
        try {
            stop(framework, bundle, storage);
        } catch (RuntimeException suppressed) {
            // the original failure matters more
        }
    }

    private static void stop(Framework framework, Bundle bundle, Path storage) {
        try {
            if (bundle != null && bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
                CountDownLatch refreshed = new CountDownLatch(1);
                framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
                    if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                        refreshed.countDown();
                    }
                });
                if (!refreshed.await(STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("Felix did not finish refreshing within " + STOP_TIMEOUT_MILLIS + " ms");
                }
            }
            if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
                framework.stop();
                FrameworkEvent stopped = framework.waitForStop(STOP_TIMEOUT_MILLIS);
                if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                    throw new IllegalStateException("Felix did not stop within " + STOP_TIMEOUT_MILLIS + " ms");
                }
            }
        } catch (BundleException e) {
            throw new IllegalStateException("Cannot stop the plugin framework: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the plugin framework", e);
        } finally {
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
