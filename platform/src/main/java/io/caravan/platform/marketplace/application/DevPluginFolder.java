package io.caravan.platform.marketplace.application;

import io.caravan.platform.marketplace.domain.PluginRelease;
import io.caravan.platform.marketplace.domain.ReleaseOrigin;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.tenancy.application.StoreAccess;
import io.caravan.platform.tenancy.application.StoreContext;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The developer loop: with {@code caravan.plugins.dev-dir} set (the run command sets it), every
 * plugin jar dropped or rebuilt in that folder is registered as a development release and, for the
 * stores in {@code caravan.plugins.dev-stores}, installed or moved to that build: {@code mvn package}
 * in a plugin project, then the next call runs the new code. A jar is read once it has been quiet
 * for {@value #QUIET_MILLIS} ms (Maven writes it in several steps); a half-written or invalid jar is
 * logged and the previous build keeps running.
 */
@ApplicationScoped
public class DevPluginFolder {
    private static final Logger LOG = Logger.getLogger(DevPluginFolder.class.getName());
    static final long QUIET_MILLIS = 750;

    @Inject
    @ConfigProperty(name = "caravan.plugins.dev-dir", defaultValue = " ")
    String folder;

    @Inject
    @ConfigProperty(name = "caravan.plugins.dev-stores", defaultValue = " ")
    List<String> devStores;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ReleaseRegistry registry;

    @Inject
    Installations installations;

    @Inject
    ReleaseArtifacts artifacts;

    @Inject
    StoreAccess stores;

    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private volatile WatchService watcher;
    private Future<?> loop;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 30) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path dir = Path.of(folder.strip());
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
                for (Path jar : jars) {
                    load(jar);
                }
            }
            watcher = FileSystems.getDefault().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot watch the development plugin folder " + dir, e);
            return;
        }
        loop = executor.submit(() -> watch(dir));
        LOG.info(() -> "Watching " + dir.toAbsolutePath() + " for plugin jars (dev mode); stores following new builds: "
                + stores());
    }

    private void watch(Path dir) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && name.toString().endsWith(".jar")) {
                        Path jar = dir.resolve(name);
                        pending.compute(jar, (path, previous) -> {
                            if (previous != null) {
                                previous.cancel(false);
                            }
                            return executor.schedule(
                                    () -> {
                                        pending.remove(path);
                                        load(path);
                                    },
                                    QUIET_MILLIS,
                                    TimeUnit.MILLISECONDS);
                        });
                    }
                }
                key.reset();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // stopping
        }
    }

    void load(Path jar) {
        try {
            if (!Files.isRegularFile(jar)) {
                return;
            }
            ReleaseRegistry.Registration registration =
                    registry.register(Files.readAllBytes(jar), ReleaseOrigin.DEVELOPMENT);
            if (!registration.changed()) {
                return;
            }
            PluginRelease release = registration.release();
            LOG.info(() ->
                    "Development build " + jar.getFileName() + " is " + release.pluginId() + " " + release.version());
            List<String> outcomes = new java.util.ArrayList<>();
            outcomes.add("registered as " + release.pluginId() + " " + release.version() + " (sha256 "
                    + release.sha256() + ")");
            for (String slug : stores()) {
                outcomes.add(follow(slug, release));
            }
            report(jar, outcomes);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Development plugin " + jar.getFileName() + " not loaded: " + e.getMessage());
            report(jar, List.of("NOT LOADED: " + e.getMessage()));
        }
    }

    /**
     * Installs the build in a dev store, or moves the store to it. A first install uses the
     * defaults the configuration schema declares, so a plugin whose schema gives every required
     * field a default runs at once; one that needs more is reported, not silently skipped.
     */
    private String follow(String slug, PluginRelease release) {
        Optional<StoreContext> store = stores.asPlatform(slug);
        if (store.isEmpty()) {
            return "dev store " + slug + ": not onboarded";
        }
        try {
            Optional<InstallationDetails> current = installations.list(store.get()).stream()
                    .filter(i -> i.installation().pluginId().equals(release.pluginId()))
                    .findFirst();
            if (current.isEmpty()) {
                String defaults = ConfigurationDefaults.of(
                        artifacts.of(release).descriptor().configurationSchema());
                installations.install(store.get(), release.pluginId(), release.version(), defaults);
                // the author's new code is what answers there: the operator named these stores for it
                installations.answerByDefault(
                        store.get(),
                        release.pluginId(),
                        "a development build in the stores named by caravan.plugins.dev-stores");
                LOG.info(() -> "Dev store " + slug + ": installed " + release.pluginId() + " " + release.version());
                return "dev store " + slug + ": installed with the schema's defaults " + defaults
                        + "; it answers its points there by default";
            } else if (!current.get().release().id().equals(release.id())) {
                installations.upgrade(store.get(), release.pluginId(), release.version(), null);
                LOG.info(() -> "Dev store " + slug + ": moved to " + release.pluginId() + " " + release.version());
                return "dev store " + slug + ": moved to this build (its configuration kept)";
            }
            return "dev store " + slug + ": already runs this build";
        } catch (RuntimeException e) {
            LOG.warning("Dev store " + slug + ": " + release.pluginId() + " " + release.version() + " not installed: "
                    + e.getMessage());
            return "dev store " + slug + ": NOT INSTALLED: " + e.getMessage()
                    + " (give the schema's required fields a \"default\", or configure the plugin through the API)";
        }
    }

    /**
     * What became of a build, written beside the jar as {@code <jar>.caravan.txt}: where the author
     * looks (the folder their build writes to), not only the server's log.
     */
    private static void report(Path jar, List<String> outcomes) {
        Path status = jar.resolveSibling(jar.getFileName() + ".caravan.txt");
        try {
            Files.writeString(
                    status,
                    java.time.Instant.now() + " " + jar.getFileName() + "\n" + String.join("\n", outcomes) + "\n");
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot write " + status, e);
        }
    }

    private List<String> stores() {
        return devStores.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @PreDestroy
    void stop() {
        pending.values().forEach(f -> f.cancel(false));
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the watcher", e);
            }
        }
        if (loop != null) {
            loop.cancel(true);
        }
    }
}
