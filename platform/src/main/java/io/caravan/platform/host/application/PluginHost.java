package io.caravan.platform.host.application;

import io.caravan.platform.shared.persistence.DatabaseMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The node's plugin host: the bundle runtime and the invoker, built once from configuration,
 * started with the application and stopped with it. Other contexts call plugins through
 * {@link #invoker()} only.
 */
@ApplicationScoped
public class PluginHost {
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
    /** Plugins start after the schema exists and before first-party plugins are published. */
    public static final int STARTUP_ORDER = DatabaseMigrations.STARTUP_ORDER + 5;

    @Inject
    BundleHost bundles;

    @Inject
    PluginDirectory directory;

    @Inject
    Clock clock;

    @Inject
    Config config;

    @Inject
    PluginServices services;

    /** Plugin threads come from the container so storage calls get a transaction context. */
    @Resource
    ManagedThreadFactory threadFactory;

    private PluginRuntime runtime;
    private PluginInvoker invoker;
    private ScheduledExecutorService housekeeping;

    @PostConstruct
    void start() {
        InvokerSettings settings = settings(config);
        runtime = new PluginRuntime(bundles, directory, clock);
        invoker = new PluginInvoker(directory, runtime, settings, clock, services, threadFactory);
        Duration idle = config.getOptionalValue("caravan.plugins.idle-unload", Duration.class).orElse(Duration.ofMinutes(15));
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "caravan-plugin-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                runtime.unloadIdle(idle);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Unloading idle plugins failed", e);
            }
        }, 1, 1, TimeUnit.MINUTES);
        LOG.info(() -> "Plugin host started: SDK " + bundles.sdkVersion() + ", " + settings.maxConcurrentCalls()
                + " calls in flight per (store, installation), " + settings.maxThreads() + " plugin threads");
    }

    void startWithApplication(@Observes @Priority(STARTUP_ORDER) @Initialized(ApplicationScoped.class) Object ignored) {
        invoker.settings(); // touching the bean starts Felix at boot instead of on the first call
    }

    /** Reads the invoker's limits from MicroProfile Config (see README's configuration table). */
    static InvokerSettings settings(Config config) {
        InvokerSettings defaults = InvokerSettings.defaults();
        Map<ExtensionPoint, Duration> deadlines = new EnumMap<>(ExtensionPoint.class);
        for (ExtensionPoint point : ExtensionPoint.values()) {
            config.getOptionalValue("caravan.plugins.deadline." + point.name().toLowerCase().replace('_', '-'), Duration.class)
                    .ifPresent(d -> deadlines.put(point, d));
        }
        return new InvokerSettings(deadlines,
                config.getOptionalValue("caravan.plugins.bulkhead", Integer.class).orElse(defaults.maxConcurrentCalls()),
                config.getOptionalValue("caravan.plugins.breaker.failures", Integer.class).orElse(defaults.breakerFailures()),
                config.getOptionalValue("caravan.plugins.breaker.window", Integer.class).orElse(defaults.breakerWindow()),
                config.getOptionalValue("caravan.plugins.breaker.open-for", Duration.class).orElse(defaults.breakerOpenFor()),
                config.getOptionalValue("caravan.plugins.quarantine.stores", Integer.class).orElse(defaults.quarantineStores()),
                config.getOptionalValue("caravan.plugins.quarantine.window", Duration.class).orElse(defaults.quarantineWindow()),
                config.getOptionalValue("caravan.plugins.quarantine.duration", Duration.class).orElse(defaults.quarantineFor()),
                config.getOptionalValue("caravan.plugins.threads", Integer.class).orElse(defaults.maxThreads()));
    }

    @PreDestroy
    void stop() {
        housekeeping.shutdownNow();
        invoker.close();
        runtime.unloadAll();
    }

    public PluginServices services() {
        return services;
    }

    public PluginInvoker invoker() {
        return invoker;
    }

    public PluginRuntime runtime() {
        return runtime;
    }

    public BundleHost bundles() {
        return bundles;
    }
}
