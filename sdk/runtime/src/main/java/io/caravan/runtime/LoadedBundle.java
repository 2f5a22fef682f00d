package io.caravan.runtime;

import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;

/**
 * One plugin bundle loaded into a {@link PluginFramework}: started, its descriptor read from the
 * bundle itself, and one instance of each extension the descriptor lists, created through the
 * bundle's class loader. The platform shares these instances among every store that runs the
 * version, so a plugin must keep no store's state in them.
 */
public final class LoadedBundle {
    private final Bundle bundle;
    private final PluginDescriptor descriptor;
    private final Map<ExtensionPoint, Object> extensions;
    private final ClassLoader classLoader;

    LoadedBundle(
            Bundle bundle,
            PluginDescriptor descriptor,
            Map<ExtensionPoint, Object> extensions,
            ClassLoader classLoader) {
        this.bundle = bundle;
        this.descriptor = descriptor;
        this.extensions = Collections.unmodifiableMap(new EnumMap<>(extensions));
        this.classLoader = classLoader;
    }

    /**
     * Where the bundle was installed: its identity in the framework.
     *
     * @return the location given to {@link PluginFramework#load}
     */
    public String location() {
        return bundle.getLocation();
    }

    /**
     * The bundle's symbolic name, without directives.
     *
     * @return e.g. {@code com.acme.tax}
     */
    public String symbolicName() {
        return bundle.getSymbolicName();
    }

    /**
     * The bundle's {@code Bundle-Version}, equal to the descriptor's {@code version}.
     *
     * @return e.g. {@code 1.2.0}
     */
    public String version() {
        return bundle.getVersion().toString();
    }

    /**
     * The bundle's {@code OSGI-INF/caravan-plugin.json}, read strictly by {@link PluginDescriptorReader}.
     *
     * @return the descriptor
     */
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The shared extension instances.
     *
     * @return point to its instance, for every point the descriptor lists
     */
    public Map<ExtensionPoint, Object> extensions() {
        return extensions;
    }

    /**
     * The instance for one point.
     *
     * @param point an extension point
     * @return the instance, or empty when the descriptor does not list the point
     */
    public Optional<Object> extension(ExtensionPoint point) {
        return Optional.ofNullable(extensions.get(point));
    }

    /**
     * The bundle's class loader: the context class loader of every call into the plugin.
     *
     * @return the loader
     */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * The OSGi bundle, for tests that check its headers, state or wiring. Platform code outside
     * its plugin host never needs it.
     *
     * @return the bundle
     */
    public Bundle bundle() {
        return bundle;
    }

    @Override
    public String toString() {
        return descriptor.id() + " " + descriptor.version() + " at " + location();
    }
}
