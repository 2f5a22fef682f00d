package io.caravan.platform.host.infrastructure;

import io.caravan.platform.host.application.BundleDryRun;
import io.caravan.platform.host.application.TieredBundleHost;
import io.caravan.platform.host.infrastructure.felix.FelixBundleHost;
import io.caravan.platform.host.infrastructure.sandbox.IsolatedBundleHost;
import io.caravan.platform.host.infrastructure.sandbox.SandboxDryRun;
import io.caravan.platform.host.infrastructure.sandbox.SandboxLauncher;
import io.caravan.platform.host.infrastructure.sandbox.SandboxSettings;
import io.caravan.platform.host.infrastructure.sandbox.SpareWorkers;
import io.caravan.runtime.DryRun;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the node's two plugin tiers once: the in-process Felix (certified versions) and the
 * sandbox (every other version, and every upload's dry run), and stops both with the application.
 */
@ApplicationScoped
public class PluginTiersProducer {
    @Inject
    @ConfigProperty(name = "caravan.plugins.dir", defaultValue = "plugins")
    String pluginsDir;

    @Inject
    Config config;

    /**
     * The node's own working files (the Felix cache, wiped at every start, and the sandbox's):
     * under {@code caravan.plugins.dir} unless {@code caravan.plugins.work-dir} says otherwise. Nodes
     * that share one artifact store must each have their own, or a starting node wipes the Felix
     * cache of a running one.
     */
    private Path workDir() {
        return config.getOptionalValue("caravan.plugins.work-dir", String.class)
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .orElse(Path.of(pluginsDir));
    }

    private FelixBundleHost felix;
    private SandboxLauncher launcher;
    private SpareWorkers spares;
    private IsolatedBundleHost isolated;
    private TieredBundleHost tiers;

    private synchronized void start() {
        if (launcher != null) {
            return;
        }
        SandboxSettings defaults = SandboxSettings.defaults(workDir().resolve("sandbox"));
        SandboxSettings settings = new SandboxSettings(
                config.getOptionalValue("caravan.sandbox.dir", String.class)
                        .map(Path::of)
                        .orElse(defaults.root()),
                config.getOptionalValue("caravan.sandbox.java-home", String.class)
                        .map(Path::of)
                        .orElse(defaults.javaHome()),
                config.getOptionalValue("caravan.sandbox.allow-weak", Boolean.class)
                        .orElse(false),
                positive("caravan.sandbox.heap-mb", defaults.heapMegabytes()),
                positive("caravan.sandbox.memory-mb", defaults.memoryMegabytes()),
                positive("caravan.sandbox.cpu-percent", defaults.cpuPercent()),
                positive("caravan.sandbox.max-processes", defaults.maxProcesses()),
                positive("caravan.sandbox.workers-per-release", defaults.maxWorkersPerRelease()),
                config.getOptionalValue("caravan.sandbox.spares", Integer.class)
                        .filter(n -> n >= 0)
                        .orElse(defaults.spares()),
                config.getOptionalValue("caravan.sandbox.start-timeout", Duration.class)
                        .orElse(defaults.startTimeout()));
        launcher = new SandboxLauncher(settings);
        spares = new SpareWorkers(launcher);
        isolated = new IsolatedBundleHost(launcher, spares);
        felix = FelixBundleHost.start(workDir().resolve("felix-cache"));
        tiers = new TieredBundleHost(felix, isolated);
    }

    private int positive(String key, int fallback) {
        int value = config.getOptionalValue(key, Integer.class).orElse(fallback);
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * The node's one tiered host. Dependent scope (a final class cannot be proxied); the producer
     * builds it once and hands the same instance to every injection point.
     */
    @Produces
    TieredBundleHost bundleHost() {
        start();
        return tiers;
    }

    /** Every upload's dry run runs in a sandbox process of its own, never in this JVM. */
    @Produces
    @ApplicationScoped
    BundleDryRun dryRun() {
        start();
        return new SandboxDryRun(launcher, spares, DryRun.DEFAULT_TIMEOUT);
    }

    @PreDestroy
    synchronized void stop() {
        if (isolated != null) {
            isolated.close();
        }
        if (spares != null) {
            spares.close();
        }
        if (felix != null) {
            felix.close();
        }
    }
}
