package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.ReleaseId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The two trust tiers behind one {@link BundleHost} (docs/architecture.md, "Trust tiers"): a
 * certified version loads into the node's own framework (in-process); every other version — and a
 * certified one this node moved out after it overran a deadline — loads into sandbox workers
 * (isolated). Both tiers run the same bundle on the same SDK.
 */
public final class TieredBundleHost implements BundleHost {
    private static final Logger LOG = Logger.getLogger(TieredBundleHost.class.getName());

    /** The sandbox tier, as the host sees it. */
    public interface IsolatedTier extends BundleHost {
        /** Whether uncertified code may run on this node (every wall up, or the operator accepted fewer). */
        boolean mayRunUncertified();

        /** The sandbox's walls on this node, one line. */
        String walls();

        /** Sandbox workers alive now, across versions. */
        int workerCount();
    }

    private final BundleHost inProcess;
    private final IsolatedTier isolated;
    private final Set<ReleaseId> movedOut = ConcurrentHashMap.newKeySet();

    public TieredBundleHost(BundleHost inProcess, IsolatedTier isolated) {
        this.inProcess = inProcess;
        this.isolated = isolated;
    }

    /** Whether this version runs in the platform's JVM on this node. */
    public boolean runsInProcess(PluginArtifact artifact) {
        return artifact.certified() && !movedOut.contains(artifact.releaseId());
    }

    /**
     * Moves a version to the isolated tier on this node from now on (it overran a deadline while
     * running in-process); the caller unloads its in-process bundle.
     *
     * @return whether it was running in-process until now
     */
    public boolean moveToIsolated(ReleaseId releaseId) {
        boolean moved = movedOut.add(releaseId);
        if (moved) {
            LOG.warning(() -> "Release " + releaseId + " overran a deadline in-process; it runs isolated on this node"
                    + " from now on");
        }
        return moved;
    }

    /** Versions this node moved out of the platform's JVM. */
    public Set<ReleaseId> movedToIsolated() {
        return Set.copyOf(movedOut);
    }

    @Override
    public LoadedPlugin load(PluginArtifact artifact, byte[] bytes) {
        return runsInProcess(artifact) ? inProcess.load(artifact, bytes) : isolated.load(artifact, bytes);
    }

    /** Whether a loaded plugin runs in-process (else in sandbox workers). */
    public boolean inProcess(LoadedPlugin plugin) {
        return plugin.tier() == Tier.IN_PROCESS;
    }

    @Override
    public void unload(LoadedPlugin plugin) {
        if (plugin.tier() == Tier.ISOLATED) {
            isolated.unload(plugin);
        } else {
            inProcess.unload(plugin);
        }
    }

    @Override
    public boolean acceptsSdkRange(String range) {
        return inProcess.acceptsSdkRange(range);
    }

    @Override
    public String sdkVersion() {
        return inProcess.sdkVersion();
    }

    @Override
    public int bundleCount() {
        return inProcess.bundleCount() + isolated.bundleCount();
    }

    public BundleHost inProcessTier() {
        return inProcess;
    }

    public IsolatedTier isolatedTier() {
        return isolated;
    }
}
