package io.caravan.runtime;

import io.caravan.runtime.DryRunResult.Health;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.HealthReport;
import io.caravan.sdk.plugin.PluginConfigurationException;
import io.caravan.sdk.plugin.PluginHealth;
import io.caravan.sdk.plugin.PluginUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The dry run every uploaded bundle goes through before anyone reviews it, and that a plugin's
 * author can run in a test ({@code PluginTestKit.dryRun}) to see the same answer first.
 *
 * <h2>What it proves</h2>
 * In a fresh {@link PluginFramework} of its own, thrown away afterwards:
 * <ol>
 * <li><b>resolve</b>: the bundle installs and resolves against the SDK alone;</li>
 * <li><b>start</b>: it starts, its descriptor is valid and matches its manifest, and every extension
 *     it lists is created;</li>
 * <li><b>health</b>: if it provides {@link ExtensionPoint#HEALTH}, the check answers within the
 *     deadline when asked as an <em>unconfigured</em> plugin: configuration {@code {}}, storage and
 *     network that throw {@link PluginUnavailableException}. Any answer passes, {@code DOWN}
 *     included (a plugin that needs an API key is right to say it is down without one), and so
 *     does a {@link PluginUnavailableException} or {@link PluginConfigurationException} (it needs
 *     what a dry run does not lend). It fails when the check throws anything else, returns null
 *     or does not answer in time.</li>
 * </ol>
 * It does not prove the plugin computes anything right: that is its author's tests, and review.
 *
 * <p>Everything runs on a thread of its own within the timeout. A plugin thread that ignores the
 * interrupt after a timeout cannot be stopped inside a JVM; it is left behind and logged.
 */
public final class DryRun {
    /** How long loading the bundle and its health check may take together: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(DryRun.class.getName());

    private DryRun() {}

    /**
     * Runs the dry run.
     *
     * @param bundle      the bundle's bytes
     * @param scratchRoot where the throw-away framework's directory is created (null: the JVM's
     *                    temporary directory); the directory is deleted afterwards
     * @param timeout     how long loading and the health check may take together
     * @return how far the bundle got; never throws for a misbehaving bundle
     * @throws UncheckedIOException if no scratch directory can be created
     */
    public static DryRunResult run(byte[] bundle, Path scratchRoot, Duration timeout) {
        Path dir;
        try {
            dir = scratchRoot == null
                    ? Files.createTempDirectory("caravan-dry-run-")
                    : Files.createTempDirectory(Files.createDirectories(scratchRoot), "caravan-dry-run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch framework directory", e);
        }
        PluginFramework framework = null;
        try {
            framework = PluginFramework.start(dir.resolve("felix"));
            return runIn(framework, bundle, timeout);
        } finally {
            if (framework != null) {
                framework.close();
            }
            delete(dir);
        }
    }

    private static DryRunResult runIn(PluginFramework framework, byte[] bytes, Duration timeout) {
        String location = "caravan:dry-run#" + sha256(bytes);
        AtomicReference<String> stage = new AtomicReference<>("installing, resolving and starting the bundle");
        CompletableFuture<DryRunResult> result = new CompletableFuture<>();
        Thread worker = Thread.ofPlatform()
                .daemon()
                .name("caravan-dry-run " + location)
                .unstarted(() -> {
                    try {
                        result.complete(attempt(framework, location, bytes, stage));
                    } catch (Throwable t) {
                        result.complete(
                                stage.get().startsWith("asking")
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
            LOG.warning(
                    () -> "Dry run of " + location + " timed out while " + what + "; thread " + worker.getName()
                            + " was interrupted (if the plugin ignores that, the thread runs on: nothing in a JVM can stop it)");
            return what.startsWith("asking")
                    ? DryRunResult.started(Health.ERROR, what + ": no answer within " + timeout.toSeconds() + " s")
                    : DryRunResult.notStarted(
                            "the bundle did not load within " + timeout.toSeconds() + " s (" + what + ")");
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the dry run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the dry run's worker failed", e.getCause());
        }
    }

    private static DryRunResult attempt(
            PluginFramework framework, String location, byte[] bytes, AtomicReference<String> stage) {
        LoadedBundle plugin;
        try {
            plugin = framework.load(location, bytes);
        } catch (BundleLoadException e) {
            return e.resolutionFailure()
                    ? DryRunResult.unresolved(e.getMessage())
                    : DryRunResult.notStarted(e.getMessage());
        }
        Optional<Extension> declared = plugin.descriptor().extension(ExtensionPoint.HEALTH);
        if (declared.isEmpty()) {
            return DryRunResult.started(
                    Health.NOT_PROVIDED, "the descriptor declares no HEALTH extension; nothing to ask");
        }
        String check = declared.get().className() + ".check";
        stage.set("asking " + check);
        Object extension = plugin.extension(ExtensionPoint.HEALTH).orElseThrow();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(plugin.classLoader());
        try {
            HealthReport report = ((PluginHealth) extension).check(new DryRunContext(plugin.descriptor()));
            if (report == null) {
                return DryRunResult.started(Health.ERROR, check + " returned null");
            }
            return switch (report.status()) {
                case UP -> DryRunResult.started(Health.UP, check + " answered UP");
                case DEGRADED ->
                    DryRunResult.started(Health.DEGRADED, check + " answered DEGRADED: " + report.detail());
                case DOWN ->
                    DryRunResult.started(
                            Health.DOWN, check + " answered DOWN without configuration: " + report.detail());
            };
        } catch (PluginUnavailableException | PluginConfigurationException e) {
            return DryRunResult.started(
                    Health.UNAVAILABLE, check + " needs what a dry run does not lend: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return DryRunResult.started(Health.ERROR, check + " threw " + e);
        } finally {
            thread.setContextClassLoader(previous);
        }
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
