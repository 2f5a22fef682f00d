package io.caravan.runtime;

import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The packages the SDK exports to plugins and their versions, read from the SDK bundle's own
 * {@code Export-Package} header, so the versions plugins resolve against are the ones the SDK's
 * build checked (bnd computes them from each package's {@code @Version}). The plugin framework
 * exports exactly these through the system bundle; the upload check judges a plugin's imports and
 * its descriptor's {@code sdk} range against them.
 */
public final class SdkExports {
    /** The SDK bundle's symbolic name. */
    public static final String SDK_SYMBOLIC_NAME = "io.caravan.sdk";
    /** The package whose version is "the SDK version" a descriptor's {@code sdk} range is matched against. */
    public static final String API_PACKAGE = "io.caravan.sdk.plugin";

    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private static volatile SdkExports onClassPath;

    private final Map<String, String> packages;
    private final Version apiVersion;

    private SdkExports(Map<String, String> packages) {
        String api = packages.get(API_PACKAGE);
        if (api == null) {
            throw new IllegalStateException("the SDK bundle does not export " + API_PACKAGE);
        }
        this.packages = Collections.unmodifiableMap(new LinkedHashMap<>(packages));
        this.apiVersion = Version.parseVersion(api);
    }

    /**
     * The exports of the SDK the runtime itself was loaded with (found among the manifests its
     * class loader sees, by symbolic name). Read once.
     *
     * @return the SDK's exports
     * @throws IllegalStateException if the SDK bundle's manifest is not on the class path or exports nothing
     */
    public static SdkExports ofSdkOnClassPath() {
        SdkExports exports = onClassPath;
        if (exports == null) {
            exports = fromManifest(sdkManifest());
            onClassPath = exports;
        }
        return exports;
    }

    /**
     * The exports a manifest declares.
     *
     * @param manifest an SDK bundle's manifest
     * @return its exports
     * @throws IllegalStateException if it exports nothing, or not the {@link #API_PACKAGE}
     */
    public static SdkExports fromManifest(Manifest manifest) {
        Map<String, String> packages = new LinkedHashMap<>();
        for (ManifestHeader.Clause clause :
                ManifestHeader.parse(manifest.getMainAttributes().getValue("Export-Package"))) {
            for (String name : clause.paths()) {
                packages.put(name, clause.attributes().getOrDefault("version", "0.0.0"));
            }
        }
        if (packages.isEmpty()) {
            throw new IllegalStateException("the SDK bundle's manifest exports nothing");
        }
        return new SdkExports(packages);
    }

    /**
     * The exported packages.
     *
     * @return package name to its version, in the header's order
     */
    public Map<String, String> packages() {
        return packages;
    }

    /**
     * The SDK version plugins see: the version of {@link #API_PACKAGE} (the SDK artifact's own
     * version follows the build, not the API).
     *
     * @return e.g. {@code 1.0.0}
     */
    public String apiVersion() {
        return apiVersion.toString();
    }

    /**
     * Whether a descriptor's {@code sdk} member admits this SDK.
     *
     * @param range an OSGi version range ({@code [1.0,2.0)}) or a minimum version ({@code 1.0})
     * @return whether {@link #apiVersion()} is in it; false for a malformed range
     */
    public boolean accepts(String range) {
        try {
            return new VersionRange(range).includes(apiVersion);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /**
     * The value of the framework property {@code org.osgi.framework.system.packages.extra}.
     *
     * @return e.g. {@code io.caravan.sdk.money;version=1.0.0,io.caravan.sdk.plugin;version=1.0.0,...}
     */
    public String systemPackagesExtra() {
        return packages.entrySet().stream()
                .map(e -> e.getKey() + ";version=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static Manifest sdkManifest() {
        try {
            for (URL url :
                    Collections.list(PluginDescriptor.class.getClassLoader().getResources(MANIFEST))) {
                try (InputStream in = url.openStream()) {
                    Manifest manifest = new Manifest(in);
                    String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                    if (bsn != null && ManifestHeader.paths(bsn).contains(SDK_SYMBOLIC_NAME)) {
                        return manifest;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SDK bundle's manifest", e);
        }
        throw new IllegalStateException("the SDK bundle (" + SDK_SYMBOLIC_NAME + ") is not on the class path of "
                + PluginDescriptor.class.getClassLoader());
    }
}
