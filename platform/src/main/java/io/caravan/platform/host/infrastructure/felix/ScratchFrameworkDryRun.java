package io.caravan.platform.host.infrastructure.felix;

import io.caravan.platform.host.application.BundleDryRun;
import io.caravan.platform.host.application.DryRunResult;
import io.caravan.platform.host.application.DryRunResult.Health;
import io.caravan.platform.host.application.LoadedPlugin;
import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.platform.host.application.PluginDescriptorReader;
import io.caravan.platform.host.application.PluginLoadException;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginHealth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Manifest;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.osgi.framework.BundleException;

/**
 * The upload dry run: a fresh Felix, started exactly as the node's ({@link FelixBundleHost#start},
 * same configuration, same SDK exports, same {@link SdkOnlyResolverHook}) on a temporary directory,
 * loads the bundle as the host would (install, resolve, start, create every extension), then asks
 * its health extension with a {@link DryRunPluginContext}. All of it within {@link #TIMEOUT} on a
 * thread of its own; then the framework is stopped and its directory deleted. A plugin thread that
 * ignores the interrupt after a timeout cannot be stopped (nothing in a JVM can): it is left behind
 * and logged, the upload rejected. Not a CDI bean by itself: the host's producer decides where scratch
 * frameworks live.
 */
public final class ScratchFrameworkDryRun implements BundleDryRun {
    private static final Logger LOG = Logger.getLogger(ScratchFrameworkDryRun.class.getName());
    /** How long loading the bundle and its health check may take together. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;
    private static final int MAX_DESCRIPTOR_BYTES = 256 * 1024;
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final Path scratchRoot;
    private final Duration timeout;

    /** Scratch frameworks under the JVM's temporary directory, {@link #TIMEOUT}. */
    public ScratchFrameworkDryRun() {
        this(null, TIMEOUT);
    }

    /**
     * @param scratchRoot where scratch frameworks are created (null: the JVM's temporary directory)
     * @param timeout     how long loading and the health check may take together
     */
    public ScratchFrameworkDryRun(Path scratchRoot, Duration timeout) {
        this.scratchRoot = scratchRoot;
        this.timeout = timeout;
    }

    @Override
    public DryRunResult run(byte[] bundle) {
        PluginArtifact artifact;
        try {
            artifact = artifact(bundle);
        } catch (IOException | RuntimeException e) {
            return DryRunResult.unresolved("the bundle's manifest or descriptor cannot be read: " + e.getMessage());
        }
        Path dir;
        try {
            dir = scratchRoot == null ? Files.createTempDirectory("caravan-dry-run-")
                    : Files.createTempDirectory(Files.createDirectories(scratchRoot), "caravan-dry-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch framework directory", e);
        }
        FelixBundleHost felix = null;
        try {
            felix = FelixBundleHost.start(dir.resolve("felix"));
            return runIn(felix, artifact, bundle);
        } finally {
            if (felix != null) {
                felix.close();
            }
            delete(dir);
        }
    }

    private DryRunResult runIn(FelixBundleHost felix, PluginArtifact artifact, byte[] bytes) {
        AtomicReference<String> stage = new AtomicReference<>("installing, resolving and starting the bundle");
        CompletableFuture<DryRunResult> result = new CompletableFuture<>();
        Thread worker = Thread.ofPlatform().daemon().name("caravan-dry-run " + artifact.descriptor().id()).unstarted(() -> {
            try {
                result.complete(attempt(felix, artifact, bytes, stage));
            } catch (Throwable t) {
                result.complete(stage.get().startsWith("asking")
                        ? DryRunResult.started(Health.ERROR, "the health check failed: " + t)
                        : DryRunResult.notStarted("loading the bundle failed: " + t));
            }
        });
        worker.start();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            String what = stage.get();
            LOG.warning(() -> "Upload dry run of " + artifact.descriptor().id() + " " + artifact.descriptor().version()
                    + " timed out while " + what + "; thread " + worker.getName() + " was interrupted (if the plugin ignores"
                    + " that, the thread runs on: nothing can stop it)");
            return what.startsWith("asking")
                    ? DryRunResult.started(Health.ERROR, what + ": no answer within " + timeout.toSeconds() + " s")
                    : DryRunResult.notStarted("the bundle did not load within " + timeout.toSeconds() + " s (" + what + ")");
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the upload dry run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the dry run's worker failed", e.getCause());
        }
    }

    private static DryRunResult attempt(FelixBundleHost felix, PluginArtifact artifact, byte[] bytes,
            AtomicReference<String> stage) {
        LoadedPlugin plugin;
        try {
            plugin = felix.load(artifact, bytes);
        } catch (PluginLoadException e) {
            return resolutionFailure(e) ? DryRunResult.unresolved(e.getMessage()) : DryRunResult.notStarted(e.getMessage());
        }
        Optional<Extension> declared = artifact.descriptor().extension(ExtensionPoint.HEALTH);
        if (declared.isEmpty()) {
            return DryRunResult.started(Health.NOT_PROVIDED, "the descriptor declares no HEALTH extension; nothing to ask");
        }
        String check = declared.get().className() + ".check";
        stage.set("asking " + check);
        Object extension = plugin.extension(ExtensionPoint.HEALTH).orElseThrow();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(plugin.classLoader());
        try {
            HealthReport report = ((PluginHealth) extension).check(new DryRunPluginContext(artifact.descriptor()));
            if (report == null) {
                return DryRunResult.started(Health.ERROR, check + " returned null");
            }
            return switch (report.status()) {
                case UP -> DryRunResult.started(Health.UP, check + " answered UP");
                case DEGRADED -> DryRunResult.started(Health.DEGRADED, check + " answered DEGRADED: " + report.detail());
                case DOWN -> DryRunResult.started(Health.DOWN, check + " answered DOWN: " + report.detail());
            };
        } catch (RuntimeException | LinkageError e) {
            return DryRunResult.started(Health.ERROR, check + " threw " + e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Whether the framework refused to resolve the bundle (as opposed to the bundle failing once resolved). */
    private static boolean resolutionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BundleException be && be.getType() == BundleException.RESOLVE_ERROR) {
                return true;
            }
        }
        return false;
    }

    /** Symbolic name and descriptor, read from the bytes as the host will see them. */
    private static PluginArtifact artifact(byte[] bytes) throws IOException {
        Manifest manifest = null;
        String descriptorJson = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(MANIFEST)) {
                    manifest = new Manifest(new ByteArrayInputStream(zip.readNBytes(MAX_MANIFEST_BYTES)));
                } else if (entry.getName().equals(PluginDescriptor.RESOURCE_PATH)) {
                    descriptorJson = new String(zip.readNBytes(MAX_DESCRIPTOR_BYTES), StandardCharsets.UTF_8);
                }
            }
        }
        if (manifest == null || descriptorJson == null) {
            throw new IllegalArgumentException("the bundle needs " + MANIFEST + " and " + PluginDescriptor.RESOURCE_PATH);
        }
        String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new IllegalArgumentException("the manifest has no Bundle-SymbolicName");
        }
        PluginDescriptor descriptor = PluginDescriptorReader.read(descriptorJson);
        return new PluginArtifact("dry-run", bsn.split(";")[0].trim(), sha256(bytes), descriptor);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Cannot delete the scratch framework directory " + dir, e);
        }
    }
}
