package io.caravan.platform.host.infrastructure.felix;

import io.caravan.platform.host.application.BundleHost;
import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginLoadException;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The node's one embedded Felix (DESIGN.md decision 1), configured as STACK.md says: fixed storage
 * directory cleaned on first init (bundles are re-installed lazily from the artifact store), no
 * JVM-wide URL handlers, no implicit boot delegation, the SDK's packages exported by the system
 * bundle at the versions its own manifest declares, and {@link SdkOnlyResolverHook} so plugins
 * wire to nothing else. The only class in Caravan that knows Felix.
 */
public final class FelixBundleHost implements BundleHost, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FelixBundleHost.class.getName());
    private static final long REFRESH_TIMEOUT_MILLIS = 30_000;
    private static final String SDK_SYMBOLIC_NAME = "io.caravan.sdk";
    private static final String SDK_API_PACKAGE = "io.caravan.sdk.plugin";

    private final Framework framework;
    private final Version sdkVersion;

    private FelixBundleHost(Framework framework, Version sdkVersion) {
        this.framework = framework;
        this.sdkVersion = sdkVersion;
    }

    /** Starts a framework whose storage is {@code storage} (created if missing, wiped at start). */
    public static FelixBundleHost start(Path storage) {
        try {
            Files.createDirectories(storage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin framework's storage " + storage, e);
        }
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.service.urlhandlers", "false");
        config.put("felix.bootdelegation.implicit", "false");
        Manifest sdk = sdkManifest();
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, sdkSystemPackages(sdk));
        Framework framework = new FrameworkFactory().newFramework(config);
        try {
            framework.start();
            framework.getBundleContext().registerService(ResolverHookFactory.class, SdkOnlyResolverHook.factory(), null);
        } catch (BundleException e) {
            throw new IllegalStateException("cannot start the plugin framework: " + e.getMessage(), e);
        }
        return new FelixBundleHost(framework, sdkApiVersion(config.get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA)));
    }

    /**
     * The SDK's version as plugins see it: the version of its {@code io.caravan.sdk.plugin} package
     * (the bundle's own Bundle-Version follows the Maven build, not the API).
     */
    private static Version sdkApiVersion(String systemPackages) {
        for (String clause : systemPackages.split(",")) {
            String[] parts = clause.split(";version=");
            if (parts[0].equals(SDK_API_PACKAGE)) {
                return Version.parseVersion(parts[1]);
            }
        }
        throw new IllegalStateException("the SDK bundle does not export " + SDK_API_PACKAGE);
    }

    @Override
    public boolean acceptsSdkRange(String range) {
        try {
            return new VersionRange(range).includes(sdkVersion);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String sdkVersion() {
        return sdkVersion.toString();
    }

    @Override
    public LoadedPlugin load(PluginArtifact artifact, byte[] bytes) {
        Bundle bundle = null;
        try {
            Bundle existing = framework.getBundleContext().getBundle(artifact.location());
            if (existing != null) {
                // a previous load of these very bytes failed half-way or was not unloaded: start clean
                uninstallAndRefresh(existing);
            }
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                bundle = framework.getBundleContext().installBundle(artifact.location(), in);
            }
            if (!artifact.symbolicName().equals(bundle.getSymbolicName())
                    || !artifact.descriptor().version().equals(bundle.getVersion().toString())) {
                throw new PluginLoadException("the bundle is " + bundle.getSymbolicName() + " " + bundle.getVersion()
                        + ", not " + artifact.symbolicName() + " " + artifact.descriptor().version(), null);
            }
            bundle.start();
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            Map<ExtensionPoint, Object> extensions = new EnumMap<>(ExtensionPoint.class);
            for (Extension extension : artifact.descriptor().extensions()) {
                extensions.put(extension.point(), instantiate(bundle, extension));
            }
            return new LoadedPlugin(artifact, extensions, wiring.getClassLoader(), bundle);
        } catch (BundleException | IOException | RuntimeException | LinkageError e) {
            if (bundle != null) {
                try {
                    uninstallAndRefresh(bundle);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof PluginLoadException ple) {
                throw ple;
            }
            throw new PluginLoadException("cannot load " + artifact.descriptor().id() + " " + artifact.descriptor().version()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Object instantiate(Bundle bundle, Extension extension) {
        ExtensionPoint point = extension.point();
        String className = extension.className();
        try {
            Class<?> api = Class.forName(point.interfaceName(), false, ExtensionPoint.class.getClassLoader());
            Class<?> implementation = bundle.loadClass(className);
            if (!api.isAssignableFrom(implementation)) {
                throw new PluginLoadException(className + " does not implement " + point.interfaceName()
                        + " (point " + point + "), or sees another copy of it than the SDK's", null);
            }
            if (!Modifier.isPublic(implementation.getModifiers()) || Modifier.isAbstract(implementation.getModifiers())) {
                throw new PluginLoadException(className + " must be a public, concrete class", null);
            }
            Constructor<?> constructor = implementation.getConstructor();
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(implementation.getClassLoader());
            try {
                return constructor.newInstance();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        } catch (ClassNotFoundException e) {
            throw new PluginLoadException("point " + point + ": class " + className + " is not in the bundle", e);
        } catch (NoSuchMethodException e) {
            throw new PluginLoadException(className + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new PluginLoadException(className + "'s constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PluginLoadException("cannot create " + className + ": " + e, e);
        }
    }

    @Override
    public void unload(LoadedPlugin plugin) {
        for (Object extension : plugin.extensions().values()) {
            if (extension instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception | LinkageError e) {
                    LOG.log(Level.WARNING, "Plugin " + plugin.descriptor().id() + " " + plugin.descriptor().version()
                            + ": close() of " + extension.getClass().getName() + " failed", e);
                }
            }
        }
        uninstallAndRefresh((Bundle) plugin.handle());
    }

    private void uninstallAndRefresh(Bundle bundle) {
        try {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        } catch (BundleException e) {
            throw new IllegalStateException("cannot uninstall " + bundle.getLocation() + ": " + e.getMessage(), e);
        }
        CountDownLatch refreshed = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                refreshed.countDown();
            }
        });
        try {
            if (!refreshed.await(REFRESH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Felix did not finish refreshing within " + REFRESH_TIMEOUT_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing the plugin framework", e);
        }
    }

    @Override
    public int bundleCount() {
        return framework.getBundleContext().getBundles().length - 1;
    }

    /** Stops the framework and waits for it (STACK.md: stop, and wait for stop, on shutdown). */
    @Override
    public void close() {
        try {
            framework.stop();
            FrameworkEvent stopped = framework.waitForStop(REFRESH_TIMEOUT_MILLIS);
            if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warning("The plugin framework did not stop within " + REFRESH_TIMEOUT_MILLIS + " ms");
            }
        } catch (BundleException e) {
            LOG.log(Level.WARNING, "Stopping the plugin framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The SDK's packages with their versions, from the SDK bundle's own {@code Export-Package}, so
     * the versions plugins resolve against are the ones the build checked.
     */
    static String sdkSystemPackages(Manifest sdk) {
        String exports = sdk.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        if (exports == null || exports.isBlank()) {
            throw new IllegalStateException("the SDK bundle's manifest exports nothing");
        }
        List<String> packages = new ArrayList<>();
        for (String clause : splitClauses(exports)) {
            String[] parts = clause.split(";");
            String version = "0.0.0";
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.startsWith("version=")) {
                    version = part.substring("version=".length()).replace("\"", "").trim();
                }
            }
            packages.add(parts[0].trim() + ";version=" + version);
        }
        return String.join(",", packages);
    }

    /** The SDK bundle's manifest, among the manifests the SDK's class loader sees. */
    static Manifest sdkManifest() {
        Manifest sdk = null;
        try {
            Enumeration<URL> manifests = Money.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            for (URL url : Collections.list(manifests)) {
                try (InputStream in = url.openStream()) {
                    Manifest m = new Manifest(in);
                    String bsn = m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                    if (bsn != null && bsn.split(";")[0].trim().equals(SDK_SYMBOLIC_NAME)) {
                        sdk = m;
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SDK bundle's manifest", e);
        }
        if (sdk == null) {
            throw new IllegalStateException("the SDK bundle (" + SDK_SYMBOLIC_NAME + ") is not on the platform's class path");
        }
        return sdk;
    }

    /** Splits a manifest header at the commas outside double quotes. */
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
}
