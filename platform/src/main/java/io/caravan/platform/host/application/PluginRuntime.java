package io.caravan.platform.host.application;

import io.caravan.platform.shared.domain.ReleaseId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin versions loaded on this node: at most one bundle per release, loaded lazily on the
 * first call any store makes to it and shared by every store after that. Concurrent first calls
 * wait for one load. A failed load is not cached (the breaker of each calling store limits retries).
 * Versions no store has called for a while are unloaded, so an upgrade leaves no bundle behind.
 */
public final class PluginRuntime {
    private static final Logger LOG = Logger.getLogger(PluginRuntime.class.getName());

    private final BundleHost host;
    private final PluginDirectory directory;
    private final Clock clock;
    private final Map<ReleaseId, Entry> loaded = new ConcurrentHashMap<>();

    private static final class Entry {
        final String sha256;
        final boolean certified;
        final CompletableFuture<LoadedPlugin> plugin = new CompletableFuture<>();
        volatile Instant lastUsed;

        Entry(String sha256, boolean certified, Instant now) {
            this.sha256 = sha256;
            this.certified = certified;
            this.lastUsed = now;
        }
    }

    public PluginRuntime(BundleHost host, PluginDirectory directory, Clock clock) {
        this.host = host;
        this.directory = directory;
        this.clock = clock;
    }

    /** The loaded plugin for an artifact, loading it first if no store has used it on this node yet. */
    public LoadedPlugin loaded(PluginArtifact artifact) {
        while (true) {
            Entry entry = loaded.get(artifact.releaseId());
            if (entry != null && (!entry.sha256.equals(artifact.sha256()) || entry.certified != artifact.certified())) {
                // the release now names other bytes (a development build was replaced) or was
                // certified / decertified (it changes tier): drop the old bundle first
                unload(artifact.releaseId());
                continue;
            }
            if (entry == null) {
                Entry mine = new Entry(artifact.sha256(), artifact.certified(), clock.instant());
                entry = loaded.putIfAbsent(artifact.releaseId(), mine);
                if (entry == null) {
                    return load(artifact, mine);
                }
            }
            entry.lastUsed = clock.instant();
            try {
                return entry.plugin.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof PluginLoadException ple
                        ? ple
                        : new PluginLoadException(
                                "cannot load " + artifact.location() + ": " + e.getCause(), e.getCause());
            }
        }
    }

    private LoadedPlugin load(PluginArtifact artifact, Entry entry) {
        try {
            byte[] bytes = directory.bundle(artifact);
            LoadedPlugin plugin = host.load(artifact, bytes);
            entry.plugin.complete(plugin);
            LOG.info(() -> "Loaded plugin " + artifact.descriptor().id() + " "
                    + artifact.descriptor().version() + " (" + artifact.sha256().substring(0, 12) + ")");
            return plugin;
        } catch (RuntimeException e) {
            loaded.remove(artifact.releaseId(), entry);
            PluginLoadException failure = e instanceof PluginLoadException ple
                    ? ple
                    : new PluginLoadException(
                            "cannot load " + artifact.descriptor().id() + " "
                                    + artifact.descriptor().version() + ": " + e.getMessage(),
                            e);
            entry.plugin.completeExceptionally(failure);
            throw failure;
        }
    }

    /** Unloads a release's bundle if it is loaded (withdrawn version, replaced development build). */
    public boolean unload(ReleaseId releaseId) {
        Entry entry = loaded.remove(releaseId);
        if (entry == null) {
            return false;
        }
        try {
            LoadedPlugin plugin = entry.plugin.join();
            host.unload(plugin);
            LOG.info(() -> "Unloaded plugin " + plugin.descriptor().id() + " "
                    + plugin.descriptor().version());
            return true;
        } catch (CompletionException e) {
            return false;
        }
    }

    /** Unloads every version no call has used for {@code idle}; returns the release ids unloaded. */
    public List<ReleaseId> unloadIdle(Duration idle) {
        Instant cutoff = clock.instant().minus(idle);
        List<ReleaseId> unloaded = new ArrayList<>();
        for (Map.Entry<ReleaseId, Entry> e : loaded.entrySet()) {
            if (e.getValue().plugin.isDone() && e.getValue().lastUsed.isBefore(cutoff)) {
                try {
                    if (unload(e.getKey())) {
                        unloaded.add(e.getKey());
                    }
                } catch (RuntimeException failure) {
                    LOG.log(Level.WARNING, "Unloading idle plugin release " + e.getKey() + " failed", failure);
                }
            }
        }
        return unloaded;
    }

    /** The loaded plugin of a release, if it is loaded now (no loading). */
    public Optional<LoadedPlugin> ifLoaded(ReleaseId releaseId) {
        Entry entry = loaded.get(releaseId);
        return entry == null || !entry.plugin.isDone() || entry.plugin.isCompletedExceptionally()
                ? Optional.empty()
                : Optional.of(entry.plugin.join());
    }

    public int loadedCount() {
        return loaded.size();
    }

    /** Unloads everything (node shutdown). */
    public void unloadAll() {
        for (ReleaseId releaseId : List.copyOf(loaded.keySet())) {
            try {
                unload(releaseId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Unloading plugin release " + releaseId + " failed", e);
            }
        }
    }
}
