package io.caravan.platform.host.infrastructure.sandbox;

import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginLoadException;
import io.caravan.platform.host.application.Tier;
import io.caravan.platform.host.application.TieredBundleHost;
import io.caravan.runtime.SdkExports;
import io.caravan.sandbox.protocol.ExtensionMethods;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The isolated tier: plugin versions that run in sandbox workers, one {@link WorkerPool} per
 * version on this node. Loading a version starts its first worker (from a warm spare) and loads
 * the bundle there; what the host gets back is a proxy per extension point, so the invoker calls
 * an isolated plugin exactly as an in-process one and applies the same deadline, bulkhead, breaker
 * and quarantine.
 */
public final class IsolatedBundleHost implements TieredBundleHost.IsolatedTier, AutoCloseable {
    private final SandboxLauncher launcher;
    private final SpareWorkers spares;
    private final Set<WorkerPool> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "caravan-sandbox-pool");
        t.setDaemon(true);
        return t;
    });

    public IsolatedBundleHost(SandboxLauncher launcher, SpareWorkers spares) {
        this.launcher = launcher;
        this.spares = spares;
    }

    @Override
    public LoadedPlugin load(PluginArtifact artifact, byte[] bytes) {
        String name = artifact.descriptor().id() + " " + artifact.descriptor().version();
        if (!launcher.mayRunUncertified()) {
            throw new PluginLoadException(
                    "cannot load " + name + ": it is not certified, and this node's plugin sandbox is weaker than"
                            + " required (" + launcher.walls().describe() + ")",
                    null);
        }
        Duration loadTimeout = launcher.settings().startTimeout();
        WorkerPool pool = new WorkerPool(
                artifact, bytes, spares, launcher.settings().maxWorkersPerRelease(), loadTimeout, background);
        try {
            pool.release(pool.acquire(Instant.now().plus(loadTimeout)));
        } catch (WorkerException e) {
            pool.close();
            throw new PluginLoadException("cannot load " + name + " in the sandbox: " + e.getMessage(), null);
        }
        Map<ExtensionPoint, Object> extensions = new EnumMap<>(ExtensionPoint.class);
        for (String pointName : pool.loaded().points()) {
            ExtensionPoint point = ExtensionPoint.valueOf(pointName);
            // this side's mapping of the point's values, built here rather than in the first call's deadline
            SandboxJson.prepare(point);
            Class<?> type = ExtensionMethods.interfaceOf(point);
            extensions.put(
                    point,
                    Proxy.newProxyInstance(
                            type.getClassLoader(), new Class<?>[] {type}, new IsolatedExtension(pool, point)));
        }
        open.add(pool);
        return new LoadedPlugin(artifact, extensions, IsolatedBundleHost.class.getClassLoader(), pool, Tier.ISOLATED);
    }

    @Override
    public void unload(LoadedPlugin plugin) {
        if (plugin.handle() instanceof WorkerPool pool) {
            open.remove(pool);
            pool.close();
        }
    }

    @Override
    public boolean acceptsSdkRange(String range) {
        return SdkExports.ofSdkOnClassPath().accepts(range);
    }

    @Override
    public String sdkVersion() {
        return launcher.sdkVersion();
    }

    @Override
    public int bundleCount() {
        return open.size();
    }

    @Override
    public boolean mayRunUncertified() {
        return launcher.mayRunUncertified();
    }

    @Override
    public String walls() {
        return launcher.walls().describe();
    }

    @Override
    public int workerCount() {
        return open.stream().mapToInt(WorkerPool::size).sum();
    }

    public SandboxLauncher launcher() {
        return launcher;
    }

    @Override
    public void close() {
        for (WorkerPool pool : open) {
            pool.close();
        }
        open.clear();
        background.shutdownNow();
    }
}
