package io.caravan.runtime;

import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * An embedded Apache Felix configured the way Caravan runs plugins, and the one implementation of
 * loading a plugin bundle into it. The platform's plugin host runs one per node, the upload dry
 * run a throw-away one per upload, the test kit one per test; all three get the same framework and
 * the same loading rules, so a plugin that passes its author's tests loads the same way in a store.
 *
 * <h2>The framework</h2>
 * <ul>
 * <li>a fixed storage directory, wiped when the framework first starts
 *     ({@code org.osgi.framework.storage.clean=onFirstInit}): bundles are installed again from
 *     their bytes, never trusted from a previous run;</li>
 * <li>{@code felix.service.urlhandlers=false}: Felix would otherwise take the JVM-wide URL handler
 *     factories (which an application server's own OSGi kernel uses) and start about three times
 *     slower;</li>
 * <li>{@code felix.bootdelegation.implicit=false} and no boot delegation: a plugin reaches nothing
 *     of the host's class path by accident;</li>
 * <li>the SDK's packages exported by the system bundle at the versions the SDK bundle's own
 *     manifest declares ({@link SdkExports}), and a resolver hook that removes every other
 *     candidate (the JRE's {@code javax.*} packages the system bundle also exports, other bundles'
 *     exports, {@code Require-Bundle}), so a plugin that imports anything but {@code io.caravan.sdk.*}
 *     does not resolve.</li>
 * </ul>
 *
 * <h2>Loading a bundle</h2>
 * {@link #load} installs the bytes at the given location (a bundle already at that location is
 * removed first), starts the bundle, reads {@value PluginDescriptor#RESOURCE_PATH} from the bundle
 * with {@link PluginDescriptorReader} (strict: unknown members are errors), requires its
 * {@code version} to equal the {@code Bundle-Version}, and creates one instance of each extension:
 * the class is loaded by the bundle, must implement the point's SDK interface as the SDK defines it
 * (not a copy the bundle carries), must be public and concrete, and is constructed through its
 * public no-argument constructor with the bundle's class loader as the thread's context class
 * loader. Any failure uninstalls the bundle again and throws {@link BundleLoadException}.
 * {@link #unload} closes extensions that are {@link AutoCloseable}, uninstalls the bundle and
 * refreshes the framework, waiting for the refresh, so the bundle's class loader can be collected.
 *
 * <p>Loading and unloading are safe from several threads; Felix serialises them itself.
 */
public final class PluginFramework implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginFramework.class.getName());
    private static final long WAIT_MILLIS = 30_000;
    private static final int MAX_DESCRIPTOR_BYTES = 256 * 1024;

    private final Framework framework;
    private final SdkExports sdk;

    private PluginFramework(Framework framework, SdkExports sdk) {
        this.framework = framework;
        this.sdk = sdk;
    }

    /**
     * Starts a framework exporting the SDK the runtime was loaded with.
     *
     * @param storage the framework's storage directory; created if missing, wiped at start
     * @return the running framework; close it
     * @throws IllegalStateException if the framework cannot start or the SDK's manifest is not found
     */
    public static PluginFramework start(Path storage) {
        return start(storage, SdkExports.ofSdkOnClassPath());
    }

    /**
     * Starts a framework exporting the given SDK packages.
     *
     * @param storage the framework's storage directory; created if missing, wiped at start
     * @param sdk     the packages plugins may import
     * @return the running framework; close it
     * @throws IllegalStateException if the framework cannot start
     */
    public static PluginFramework start(Path storage, SdkExports sdk) {
        try {
            Files.createDirectories(storage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin framework's storage " + storage, e);
        }
        Framework framework = new FrameworkFactory().newFramework(configuration(storage, sdk));
        try {
            framework.start();
            framework
                    .getBundleContext()
                    .registerService(ResolverHookFactory.class, SdkOnlyResolverHook.factory(), null);
        } catch (BundleException | RuntimeException e) {
            throw new IllegalStateException("cannot start the plugin framework: " + e.getMessage(), e);
        }
        return new PluginFramework(framework, sdk);
    }

    /**
     * The framework properties described in the class comment.
     *
     * @param storage the storage directory
     * @param sdk     the SDK packages to export
     * @return the properties
     */
    public static Map<String, String> configuration(Path storage, SdkExports sdk) {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.service.urlhandlers", "false");
        config.put("felix.bootdelegation.implicit", "false");
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, sdk.systemPackagesExtra());
        return Collections.unmodifiableMap(config);
    }

    /**
     * The SDK this framework exports.
     *
     * @return its packages and version
     */
    public SdkExports sdk() {
        return sdk;
    }

    /**
     * Installs, starts and reads a plugin bundle and creates its extensions (see the class comment).
     *
     * @param location the bundle's identity in the framework; unique per content (Felix keys
     *                 bundles by location, and one symbolic name may be loaded at several versions)
     * @param bytes    the bundle
     * @return the loaded bundle
     * @throws BundleLoadException if any step fails; nothing of the bundle is left installed
     */
    public LoadedBundle load(String location, byte[] bytes) {
        Bundle bundle = null;
        try {
            Bundle existing = framework.getBundleContext().getBundle(location);
            if (existing != null) {
                // a previous load of this location failed half-way or was never unloaded: start clean
                uninstallAndRefresh(existing);
            }
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                bundle = framework.getBundleContext().installBundle(location, in);
            }
            bundle.start();
            PluginDescriptor descriptor = readDescriptor(bundle);
            if (!descriptor.version().equals(bundle.getVersion().toString())) {
                throw new BundleLoadException(
                        PluginDescriptor.RESOURCE_PATH + " says version " + descriptor.version()
                                + " but the bundle's Bundle-Version is " + bundle.getVersion(),
                        null,
                        false);
            }
            ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
            Map<ExtensionPoint, Object> extensions = new EnumMap<>(ExtensionPoint.class);
            for (Extension extension : descriptor.extensions()) {
                extensions.put(extension.point(), instantiate(bundle, loader, extension));
            }
            return new LoadedBundle(bundle, descriptor, extensions, loader);
        } catch (BundleException | IOException | RuntimeException | LinkageError e) {
            if (bundle != null) {
                try {
                    uninstallAndRefresh(bundle);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof BundleLoadException failure) {
                throw failure;
            }
            throw new BundleLoadException(
                    e.getMessage() == null ? e.toString() : e.getMessage(), e, resolutionFailure(e));
        }
    }

    private static PluginDescriptor readDescriptor(Bundle bundle) throws IOException {
        URL entry = bundle.getEntry(PluginDescriptor.RESOURCE_PATH);
        if (entry == null) {
            throw new BundleLoadException("the bundle has no " + PluginDescriptor.RESOURCE_PATH, null, false);
        }
        byte[] json;
        try (InputStream in = entry.openStream()) {
            json = in.readNBytes(MAX_DESCRIPTOR_BYTES + 1);
        }
        if (json.length > MAX_DESCRIPTOR_BYTES) {
            throw new BundleLoadException(
                    PluginDescriptor.RESOURCE_PATH + " is larger than " + MAX_DESCRIPTOR_BYTES + " bytes", null, false);
        }
        try {
            return PluginDescriptorReader.read(new String(json, StandardCharsets.UTF_8));
        } catch (InvalidDescriptorException e) {
            throw new BundleLoadException(e.getMessage(), e, false);
        }
    }

    private static Object instantiate(Bundle bundle, ClassLoader loader, Extension extension) {
        ExtensionPoint point = extension.point();
        String className = extension.className();
        try {
            Class<?> api = Class.forName(point.interfaceName(), false, ExtensionPoint.class.getClassLoader());
            if (bundle.loadClass(point.interfaceName()) != api) {
                throw new BundleLoadException(
                        "the bundle sees another " + point.interfaceName() + " than the SDK's"
                                + " (it must import the SDK package, not carry a copy of it)",
                        null,
                        false);
            }
            Class<?> implementation = bundle.loadClass(className);
            if (!api.isAssignableFrom(implementation)) {
                throw new BundleLoadException(
                        className + " does not implement " + point.interfaceName() + " (point " + point + ")",
                        null,
                        false);
            }
            if (!Modifier.isPublic(implementation.getModifiers())
                    || Modifier.isAbstract(implementation.getModifiers())
                    || implementation.isInterface()) {
                throw new BundleLoadException(className + " must be a public, concrete class", null, false);
            }
            Constructor<?> constructor = implementation.getConstructor();
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return constructor.newInstance();
            } finally {
                thread.setContextClassLoader(previous);
            }
        } catch (ClassNotFoundException e) {
            throw new BundleLoadException(
                    "point " + point + ": class " + className + " is not in the bundle", e, false);
        } catch (NoSuchMethodException e) {
            throw new BundleLoadException(className + " has no public no-argument constructor", e, false);
        } catch (InvocationTargetException e) {
            throw new BundleLoadException(className + "'s constructor threw " + e.getCause(), e.getCause(), false);
        } catch (ReflectiveOperationException e) {
            throw new BundleLoadException("cannot create " + className + ": " + e, e, false);
        }
    }

    /**
     * Closes the bundle's {@link AutoCloseable} extensions (a failing {@code close()} is logged),
     * uninstalls the bundle and refreshes the framework; returns when the refresh has finished.
     *
     * @param loaded a bundle this framework loaded
     * @throws IllegalStateException if the bundle cannot be uninstalled or the refresh does not finish
     */
    public void unload(LoadedBundle loaded) {
        for (Object extension : loaded.extensions().values()) {
            if (extension instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception | LinkageError e) {
                    LOG.log(
                            Level.WARNING,
                            "Plugin " + loaded + ": close() of "
                                    + extension.getClass().getName() + " failed",
                            e);
                }
            }
        }
        uninstallAndRefresh(loaded.bundle());
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
            if (!refreshed.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Felix did not finish refreshing within " + WAIT_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing the plugin framework", e);
        }
    }

    /**
     * How many plugin bundles the framework holds.
     *
     * @return the count, the system bundle not counted
     */
    public int bundleCount() {
        return framework.getBundleContext().getBundles().length - 1;
    }

    /** Stops the framework and waits for it to stop. Idempotent. */
    @Override
    public void close() {
        try {
            if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) == 0) {
                return;
            }
            framework.stop();
            FrameworkEvent stopped = framework.waitForStop(WAIT_MILLIS);
            if (stopped.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warning("The plugin framework did not stop within " + WAIT_MILLIS + " ms");
            }
        } catch (BundleException e) {
            LOG.log(Level.WARNING, "Stopping the plugin framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the framework refused to resolve the bundle (as opposed to the bundle failing once resolved). */
    private static boolean resolutionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BundleException be && be.getType() == BundleException.RESOLVE_ERROR) {
                return true;
            }
        }
        return false;
    }
}
