package io.caravan.platform.host;

import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.InvokerSettings;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginDirectory;
import io.caravan.platform.host.application.PluginInvoker;
import io.caravan.platform.host.application.PluginRuntime;
import io.caravan.platform.host.application.PluginServices;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.host.infrastructure.felix.FelixBundleHost;
import io.caravan.platform.marketplace.application.BundleArchive;
import io.caravan.platform.marketplace.infrastructure.FileArtifactStore;
import io.caravan.platform.shared.domain.InstallationId;
import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.runtime.JsonPluginConfiguration;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.PluginDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A real host outside the container: Felix started as the platform starts it, the content-addressed
 * artifact store on a temporary directory, the real runtime and invoker, and bundles built by the
 * reactor (plugins/tax, plugins/test-bundles). The only stand-in is the directory of installations,
 * which the marketplace provides in the server: here a map the test sets.
 */
final class HostFixture implements AutoCloseable {
    static final Path BUNDLES = Path.of(System.getProperty("caravan.test.bundles", "target/test-bundles"));

    final Path dir;
    final FileArtifactStore artifacts;
    final FelixBundleHost felix;
    final PluginRuntime runtime;
    final PluginInvoker invoker;
    private final Map<String, InstalledPlugin> installations = new ConcurrentHashMap<>();

    HostFixture(InvokerSettings settings) {
        this(settings, artifact -> {});
    }

    /** @param overrunListener told of each certified call that passed its deadline (the invoker's listener) */
    HostFixture(InvokerSettings settings, Consumer<PluginArtifact> overrunListener) {
        try {
            dir = Files.createTempDirectory("caravan-host-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        artifacts = FileArtifactStore.at(dir);
        felix = FelixBundleHost.start(dir.resolve("felix"));
        PluginDirectory directory = new PluginDirectory() {
            @Override
            public List<InstalledPlugin> providers(StoreRef store, ExtensionPoint point, RoutingFacts facts) {
                InstalledPlugin p = installations.get(store.id());
                return p == null || p.artifact().descriptor().extension(point).isEmpty() ? List.of() : List.of(p);
            }

            @Override
            public byte[] bundle(PluginArtifact artifact) {
                try {
                    return artifacts.read(artifact.sha256());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        runtime = new PluginRuntime(felix, directory, Clock.systemUTC());
        invoker = new PluginInvoker(
                directory, runtime, settings, Clock.systemUTC(), PluginServices.NONE, null, overrunListener);
    }

    /** Puts a built bundle into the artifact store and returns its artifact (a "release"). */
    PluginArtifact publish(String jarName) {
        try {
            byte[] bytes = Files.readAllBytes(BUNDLES.resolve(jarName));
            String sha = artifacts.put(bytes);
            BundleArchive archive = BundleArchive.read(bytes);
            PluginDescriptor descriptor = PluginDescriptorReader.read(archive.descriptorJson());
            return new PluginArtifact(
                    new ReleaseId(UUID.randomUUID().toString()), archive.symbolicName(), sha, descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs (or moves) a store onto an artifact with a configuration. */
    InstalledPlugin install(String store, PluginArtifact artifact, String configuration) {
        InstalledPlugin previous = installations.get(store);
        InstalledPlugin installed = new InstalledPlugin(
                previous == null ? new InstallationId(UUID.randomUUID().toString()) : previous.installationId(),
                new StoreRef(store, store),
                artifact,
                JsonPluginConfiguration.parse(
                        configuration, artifact.descriptor().secretFields()));
        installations.put(store, installed);
        return installed;
    }

    PluginArtifact installedArtifact(String store) {
        return installations.get(store).artifact();
    }

    void uninstall(String store) {
        InstalledPlugin removed = installations.remove(store);
        if (removed != null) {
            invoker.forget(removed.installationId());
        }
    }

    @Override
    public void close() {
        invoker.close();
        runtime.unloadAll();
        felix.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
