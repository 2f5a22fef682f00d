package io.caravan.platform.host.infrastructure.felix;

import io.caravan.platform.host.application.BundleDryRun;
import io.caravan.runtime.DryRun;
import io.caravan.runtime.DryRunResult;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Test and benchmark use only — the platform never runs an upload in its own JVM (it runs
 * {@code SandboxDryRun}); this is the old in-JVM way, kept as the validation tests' fast dry run of
 * the project's own trusted test bundles and as the benchmark's baseline.
 *
 * <p>The upload dry run as the plugin runtime defines it ({@link DryRun}: a fresh framework per
 * upload, the bundle loaded, its health check asked as an unconfigured plugin), in scratch
 * directories under the node's plugin directory. The plugin test kit runs the same
 * {@link DryRun}, so an author sees this verdict before uploading.
 */
public final class ScratchFrameworkDryRun implements BundleDryRun {
    /** How long loading the bundle and its health check may take together. */
    public static final Duration TIMEOUT = DryRun.DEFAULT_TIMEOUT;

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
        return DryRun.run(bundle, scratchRoot, timeout);
    }
}
