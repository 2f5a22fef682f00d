package io.caravan.platform.host.infrastructure.felix;

import io.caravan.platform.host.application.BundleHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the node's Felix on first use and stops it (waiting for it) when the application stops. */
@ApplicationScoped
public class FelixProducer {
    @Inject
    @ConfigProperty(name = "caravan.plugins.dir", defaultValue = "plugins")
    String pluginsDir;

    @Produces
    @ApplicationScoped
    BundleHost bundleHost() {
        return FelixBundleHost.start(Path.of(pluginsDir, "felix-cache"));
    }

    /** Upload checks start each candidate bundle in a throw-away framework of its own. */
    @Produces
    @ApplicationScoped
    io.caravan.platform.host.application.BundleDryRun dryRun() {
        return new ScratchFrameworkDryRun(Path.of(pluginsDir, "dry-runs"), ScratchFrameworkDryRun.TIMEOUT);
    }

    void stop(@Disposes BundleHost host) {
        if (host instanceof FelixBundleHost felix) {
            felix.close();
        }
    }
}
