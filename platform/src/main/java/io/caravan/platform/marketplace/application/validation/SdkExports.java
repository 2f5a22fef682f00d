package io.caravan.platform.marketplace.application.validation;

import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The SDK's Export-Package, read from the SDK bundle's manifest on the platform's class path. */
final class SdkExports {
    private static final Logger LOG = Logger.getLogger(SdkExports.class.getName());
    private static final String SDK_SYMBOLIC_NAME = "io.caravan.sdk";
    private static volatile Map<String, String> cached;

    private SdkExports() {
    }

    /** Package → version; empty when the SDK's manifest is not found (the checks then fall back to the SDK version). */
    static Map<String, String> onClassPath() {
        Map<String, String> packages = cached;
        if (packages == null) {
            packages = read();
            cached = packages;
        }
        return packages;
    }

    private static Map<String, String> read() {
        try {
            for (URL url : Collections.list(PluginDescriptor.class.getClassLoader().getResources(ManifestChecks.MANIFEST_PATH))) {
                try (InputStream in = url.openStream()) {
                    Manifest manifest = new Manifest(in);
                    String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                    if (bsn == null || !ManifestHeader.paths(bsn).contains(SDK_SYMBOLIC_NAME)) {
                        continue;
                    }
                    Map<String, String> packages = new LinkedHashMap<>();
                    for (ManifestHeader.Clause clause : ManifestHeader.parse(manifest.getMainAttributes().getValue("Export-Package"))) {
                        for (String pkg : clause.paths()) {
                            packages.put(pkg, clause.attributes().getOrDefault("version", "0.0.0"));
                        }
                    }
                    return Map.copyOf(packages);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read the SDK bundle's manifest; SDK imports are checked against the SDK version", e);
        }
        return Map.of();
    }
}
