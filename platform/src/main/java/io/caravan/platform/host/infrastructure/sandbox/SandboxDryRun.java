package io.caravan.platform.host.infrastructure.sandbox;

import io.caravan.platform.host.application.BundleDryRun;
import io.caravan.runtime.DryRunResult;
import io.caravan.sandbox.protocol.DryRunRequest;
import io.caravan.sandbox.protocol.Envelope;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sandbox.protocol.SandboxProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The upload dry run ({@link io.caravan.runtime.DryRun}) in a sandbox process: never in the
 * platform's JVM. Each upload gets a worker of its own (a warm spare), which is killed afterwards
 * whatever happened — so a bundle that spins in its constructor or health check leaves nothing
 * running anywhere once the time is up.
 */
public final class SandboxDryRun implements BundleDryRun {
    private static final Logger LOG = Logger.getLogger(SandboxDryRun.class.getName());
    /** Time for the worker's answer beyond the dry run's own limit. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final SandboxLauncher launcher;
    private final SpareWorkers spares;
    private final Duration timeout;

    public SandboxDryRun(SandboxLauncher launcher, SpareWorkers spares, Duration timeout) {
        this.launcher = launcher;
        this.spares = spares;
        this.timeout = timeout;
    }

    @Override
    public DryRunResult run(byte[] bundle) {
        if (!launcher.mayRunUncertified()) {
            return DryRunResult.notStarted("the bundle was not started: this node's plugin sandbox is weaker than"
                    + " required (" + launcher.walls().describe() + "), and uploaded code runs only in a sandbox");
        }
        WorkerProcess worker;
        try {
            worker = spares.take();
        } catch (WorkerException e) {
            return DryRunResult.notStarted(
                    "the bundle was not started: no sandbox process could be started (" + e.getMessage() + ")");
        }
        worker.tag("[sandbox " + worker.name() + " dry-run] ");
        try {
            worker.send(SandboxProtocol.DRY_RUN, new DryRunRequest(bundle, timeout.toMillis()));
            Instant deadline = Instant.now().plus(timeout).plus(GRACE);
            while (true) {
                Envelope answer = worker.next(deadline);
                switch (answer.type()) {
                    case SandboxProtocol.DRY_RUN_RESULT -> {
                        return SandboxJson.read(answer.body(), DryRunResult.class);
                    }
                    case SandboxProtocol.LOG -> {
                        // the dry run's context logs through the runtime's logger (standard error)
                    }
                    default -> {
                        return DryRunResult.notStarted(
                                "the sandbox answered " + answer.type() + " instead of a result");
                    }
                }
            }
        } catch (WorkerException.Timeout e) {
            LOG.info(() -> "Dry run overran " + timeout.toMillis() + " ms; killed " + worker.name());
            return DryRunResult.notStarted("the bundle did not finish starting and its health check within "
                    + timeout.toSeconds() + " s; its sandbox process was killed");
        } catch (WorkerException e) {
            return DryRunResult.notStarted("the bundle's sandbox process ended during the dry run ("
                    + e.getMessage() + ") — for example by running out of its "
                    + launcher.settings().heapMegabytes() + " MiB heap");
        } catch (IllegalArgumentException e) {
            return DryRunResult.notStarted("the sandbox's answer was not a dry-run result: " + e.getMessage());
        } finally {
            worker.kill();
        }
    }
}
