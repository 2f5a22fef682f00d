package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.sdk.plugin.ExtensionPoint;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The node's plugin host: the bundle runtime and the invoker, built once from configuration,
 * started with the application and stopped with it. Its public methods are the host's whole face
 * to other contexts: call a point for a store, read metrics and node status, lift a quarantine,
 * unload a version, forget an installation, purge a plugin's data, drain usage. The runtime and
 * the invoker stay inside the host.
 */
@ApplicationScoped
public class PluginHost {
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
    /** Plugins start after the schema exists and before first-party plugins are published. */
    public static final int STARTUP_ORDER = DatabaseMigrations.STARTUP_ORDER + 5;

    @Inject
    TieredBundleHost bundles;

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
        Duration idle = config.getOptionalValue("caravan.plugins.idle-unload", Duration.class)
                .orElse(Duration.ofMinutes(15));
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "caravan-plugin-housekeeping");
            t.setDaemon(true);
            return t;
        });
        // A certified version that overran in-process runs sandboxed on this node from then on; the
        // unload (a framework refresh) happens off the watchdog's thread.
        invoker = new PluginInvoker(
                directory,
                runtime,
                settings,
                clock,
                services,
                threadFactory,
                artifact -> housekeeping.execute(() -> {
                    try {
                        moveToSandbox(artifact);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Moving " + artifact.location() + " to the sandbox failed", e);
                    }
                }));
        housekeeping.scheduleWithFixedDelay(
                () -> {
                    try {
                        runtime.unloadIdle(idle);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Unloading idle plugins failed", e);
                    }
                },
                1,
                1,
                TimeUnit.MINUTES);
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
            config.getOptionalValue(
                            "caravan.plugins.deadline."
                                    + point.name().toLowerCase().replace('_', '-'),
                            Duration.class)
                    .ifPresent(d -> deadlines.put(point, d));
        }
        return new InvokerSettings(
                deadlines,
                config.getOptionalValue("caravan.plugins.bulkhead", Integer.class)
                        .orElse(defaults.maxConcurrentCalls()),
                config.getOptionalValue("caravan.plugins.breaker.failures", Integer.class)
                        .orElse(defaults.breakerFailures()),
                config.getOptionalValue("caravan.plugins.breaker.window", Integer.class)
                        .orElse(defaults.breakerWindow()),
                config.getOptionalValue("caravan.plugins.breaker.open-for", Duration.class)
                        .orElse(defaults.breakerOpenFor()),
                config.getOptionalValue("caravan.plugins.quarantine.stores", Integer.class)
                        .orElse(defaults.quarantineStores()),
                config.getOptionalValue("caravan.plugins.quarantine.window", Duration.class)
                        .orElse(defaults.quarantineWindow()),
                config.getOptionalValue("caravan.plugins.quarantine.duration", Duration.class)
                        .orElse(defaults.quarantineFor()),
                config.getOptionalValue("caravan.plugins.threads", Integer.class)
                        .orElse(defaults.maxThreads()),
                config.getOptionalValue("caravan.plugins.first-call-allowance", Duration.class)
                        .orElse(defaults.firstCallAllowance()));
    }

    @PreDestroy
    void stop() {
        housekeeping.shutdownNow();
        invoker.close();
        runtime.unloadAll();
    }

    /**
     * Calls the store's answering installation of a point for a call about nothing in particular
     * ({@link RoutingFacts#NONE}: only the store's default answer applies).
     *
     * @see #call(StoreRef, PluginPoint, RoutingFacts, PluginCall, Supplier)
     */
    public <E, R> PluginOutcome<R> call(
            StoreRef store, PluginPoint<E> point, PluginCall<E, R> call, Supplier<R> fallback) {
        return invoker.invoke(store, point, RoutingFacts.NONE, call, fallback);
    }

    /**
     * Calls the installation that answers a point for the store and these facts (the first the
     * store's answering or routing rules name) through the invoker (deadline, bulkhead, breaker,
     * quarantine, failure policy, metrics): the one way other contexts run plugin code.
     *
     * @param facts    what the call is about (destination, currency, method, amount)
     * @param fallback the platform's answer for {@code FALLBACK}; null if the step has none
     * @throws NoPluginInstalledException when no installation answers the point for these facts
     * @throws PluginFailedException      when the call failed and the policy is fail-closed
     * @throws PluginRefusalException     when the plugin refused
     */
    public <E, R> PluginOutcome<R> call(
            StoreRef store, PluginPoint<E> point, RoutingFacts facts, PluginCall<E, R> call, Supplier<R> fallback) {
        return invoker.invoke(store, point, facts, call, fallback);
    }

    /**
     * Calls one given installation (a caller that walks {@link #providers} itself, such as the
     * payment router failing over provider by provider), through the same invoker.
     *
     * @param installed one of the installations {@link #providers} named
     * @param locale    the shopper's locale, handed to the plugin's context
     * @throws IllegalArgumentException when the installation does not provide the point
     * @throws PluginFailedException    when the call failed and the policy is fail-closed
     * @throws PluginRefusalException   when the plugin refused
     */
    public <E, R> PluginOutcome<R> call(
            InstalledPlugin installed,
            PluginPoint<E> point,
            PluginCall<E, R> call,
            Supplier<R> fallback,
            Locale locale) {
        return invoker.invoke(installed, point, call, fallback, locale);
    }

    /**
     * The installations that answer a point for the store and these facts, first choice first: for
     * a single-answer point at most one; for payments and carriers every provider taking part, in
     * the order of the store's routing rules; empty when none answers.
     */
    public List<InstalledPlugin> providers(StoreRef store, PluginPoint<?> point, RoutingFacts facts) {
        return directory.providers(store, point.point(), facts);
    }

    /** The SDK version this node exports to plugins. */
    public String sdkVersion() {
        return bundles.sdkVersion();
    }

    /** Whether a descriptor's {@code sdk} range admits the SDK this node exports. */
    public boolean acceptsSdkRange(String range) {
        return bundles.acceptsSdkRange(range);
    }

    /** This node's plugin host at a glance, for platform admins. */
    public record NodeStatus(
            String sdkVersion,
            int loadedBundles,
            int busyPluginThreads,
            Sandbox sandbox,
            List<MetricsSnapshot> plugins,
            Map<String, Instant> quarantined) {}

    /**
     * The node's isolated tier.
     *
     * @param walls               what its sandboxes have (and lack)
     * @param runsUncertified     whether uncertified versions and uploads' dry runs can run on this node
     * @param workers             sandbox workers alive now
     * @param movedOutOfProcess   certified versions this node moved to the sandbox after an overrun
     */
    public record Sandbox(String walls, boolean runsUncertified, int workers, List<String> movedOutOfProcess) {}

    public NodeStatus nodeStatus() {
        TieredBundleHost.IsolatedTier isolated = bundles.isolatedTier();
        return new NodeStatus(
                bundles.sdkVersion(),
                bundles.bundleCount(),
                invoker.busyThreads(),
                new Sandbox(
                        isolated.walls(),
                        isolated.mayRunUncertified(),
                        isolated.workerCount(),
                        bundles.movedToIsolated().stream()
                                .map(ReleaseId::value)
                                .sorted()
                                .toList()),
                invoker.metrics().perPlugin(),
                invoker.quarantine().inForce().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                e -> e.getKey().value(), Map.Entry::getValue)));
    }

    /**
     * What this node knows of one plugin version: loaded here, in which tier (null when not
     * loaded), and quarantined until when (or null).
     */
    public record ReleaseState(boolean loaded, RunsIn runsIn, Instant quarantinedUntil) {}

    public ReleaseState releaseState(ReleaseId releaseId) {
        java.util.Optional<LoadedPlugin> loaded = runtime.ifLoaded(releaseId);
        return new ReleaseState(
                loaded.isPresent(),
                loaded.map(p -> bundles.inProcess(p) ? RunsIn.IN_PROCESS : RunsIn.SANDBOX)
                        .orElse(null),
                invoker.quarantine().quarantinedUntil(releaseId).orElse(null));
    }

    /** Where a version runs on this node. */
    public enum RunsIn {
        /** Certified: in the platform's JVM, on the caller's thread. */
        IN_PROCESS,
        /** Not certified (or moved out after an overrun): in sandbox worker processes. */
        SANDBOX
    }

    /** Where a version runs on this node (what the merchant is shown). */
    public RunsIn runsIn(PluginArtifact artifact) {
        return bundles.runsInProcess(artifact) ? RunsIn.IN_PROCESS : RunsIn.SANDBOX;
    }

    /**
     * Moves a certified version out of the platform's JVM on this node (it overran a deadline
     * in-process): its in-process bundle is unloaded and its next call loads it in sandbox workers.
     */
    public void moveToSandbox(PluginArtifact artifact) {
        if (bundles.moveToIsolated(artifact.releaseId())) {
            runtime.unload(artifact.releaseId());
        }
    }

    /** Call metrics on this node, one series per (plugin version, point), across stores. */
    public List<MetricsSnapshot> pluginMetrics() {
        return invoker.metrics().perPlugin();
    }

    /** Call metrics of one store on this node. */
    public List<MetricsSnapshot> storeMetrics(String storeSlug) {
        return invoker.metrics().forStore(storeSlug);
    }

    /** Ends a version's quarantine on this node now; whether one was in force. */
    public boolean liftQuarantine(ReleaseId releaseId) {
        return invoker.quarantine().lift(releaseId);
    }

    /** Unloads a version from this node (yanked or replaced); whether it was loaded. */
    public boolean unloadRelease(ReleaseId releaseId) {
        return runtime.unload(releaseId);
    }

    /** Forgets an uninstalled installation's bulkhead and breaker; its in-flight calls finish on their own. */
    public void forgetInstallation(InstallationId installationId) {
        invoker.forget(installationId);
    }

    /** Deletes a store's stored data of a plugin; how many entries. */
    public int purgeStoredData(String storeId, String pluginId) {
        return services.purge(storeId, pluginId);
    }

    /** Calls counted per installation since the last drain, for usage billing. */
    public UsageMeter usage() {
        return invoker.usage();
    }

    PluginInvoker invoker() {
        return invoker;
    }
}
