package io.caravan.platform.host.infrastructure.sandbox;

import io.caravan.platform.host.application.PluginArtifact;
import io.caravan.sandbox.protocol.Envelope;
import io.caravan.sandbox.protocol.ErrorMessage;
import io.caravan.sandbox.protocol.Load;
import io.caravan.sandbox.protocol.Loaded;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sandbox.protocol.SandboxProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * The sandbox workers of one plugin version on this node, shared by every store that runs it. A
 * worker serves one call at a time; the pool grows with concurrent calls up to
 * {@link SandboxSettings#maxWorkersPerRelease()}, keeps idle workers for the next calls, and
 * replaces a worker that crashed or was killed for overrunning (in the background, so the next
 * call finds one ready).
 */
final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

    private final PluginArtifact artifact;
    private final byte[] bundle;
    private final SpareWorkers spares;
    private final int max;
    private final Duration loadTimeout;
    private final ExecutorService background;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final Deque<WorkerProcess> idle = new ArrayDeque<>();
    private int live;
    private int growing;
    private WorkerException lastGrowthFailure;
    private boolean closed;
    private volatile Loaded loaded;
    private volatile Duration lastReplacement;
    private Instant replacingSince;
    private volatile long replacements;
    private volatile long lastDiscardedPid = -1;

    WorkerPool(
            PluginArtifact artifact,
            byte[] bundle,
            SpareWorkers spares,
            int max,
            Duration loadTimeout,
            ExecutorService background) {
        this.artifact = artifact;
        this.bundle = bundle.clone();
        this.spares = spares;
        this.max = max;
        this.loadTimeout = loadTimeout;
        this.background = background;
    }

    PluginArtifact artifact() {
        return artifact;
    }

    /**
     * A worker holding this version for one call, waiting until {@code deadline} when all are busy.
     *
     * @throws WorkerException.Timeout when every worker stayed busy until the deadline
     * @throws WorkerException         when no worker could be started or the bundle did not load
     */
    WorkerProcess acquire(Instant deadline) throws WorkerException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new WorkerException("this plugin version was unloaded");
                }
                WorkerProcess worker;
                while ((worker = idle.pollLast()) != null) {
                    if (worker.isAlive()) {
                        return worker;
                    }
                    live--;
                }
                // None idle: grow by one in the background (a JVM start takes longer than most
                // calls), and meanwhile take whichever worker is free first, old or new.
                if (live == 0 && lastGrowthFailure != null) {
                    WorkerException failure = lastGrowthFailure;
                    lastGrowthFailure = null;
                    throw failure;
                }
                if (live < max && growing == 0) {
                    live++;
                    growing++;
                    background.execute(this::grow);
                }
                long nanos = Duration.between(Instant.now(), deadline).toNanos();
                if (nanos <= 0) {
                    throw new WorkerException.Timeout("all " + live + " sandbox workers of this version stayed busy");
                }
                freed.await(nanos, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException.Interrupted("interrupted while waiting for a sandbox worker");
        } finally {
            lock.unlock();
        }
    }

    /** Starts one more worker (its place already counted in {@code live}) and offers it to the waiting calls. */
    private void grow() {
        try {
            WorkerProcess worker = prepare();
            lock.lock();
            try {
                growing--;
                lastGrowthFailure = null;
                if (replacingSince != null) {
                    lastReplacement = Duration.between(replacingSince, Instant.now());
                    replacements++;
                    replacingSince = null;
                }
            } finally {
                lock.unlock();
            }
            release(worker);
        } catch (WorkerException | RuntimeException e) {
            lock.lock();
            try {
                growing--;
                live--;
                lastGrowthFailure = e instanceof WorkerException w ? w : new WorkerException(e.getMessage());
                freed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A spare worker with this version's bundle loaded. */
    private WorkerProcess prepare() throws WorkerException {
        WorkerProcess worker = spares.take();
        worker.tag("[sandbox " + worker.name() + " plugin="
                + artifact.descriptor().id() + "@" + artifact.descriptor().version() + "] ");
        try {
            worker.send(SandboxProtocol.LOAD, new Load(artifact.location(), bundle));
            Envelope answer = worker.next(Instant.now().plus(loadTimeout));
            if (SandboxProtocol.ERROR.equals(answer.type())) {
                throw new WorkerException("the bundle did not load in its sandbox: "
                        + SandboxJson.read(answer.body(), ErrorMessage.class).message());
            }
            if (!SandboxProtocol.LOADED.equals(answer.type())) {
                throw new WorkerException("the sandbox answered " + answer.type() + " to load");
            }
            Loaded result = SandboxJson.read(answer.body(), Loaded.class);
            if (!artifact.symbolicName().equals(result.symbolicName())
                    || !artifact.descriptor().version().equals(result.version())) {
                throw new WorkerException("the bundle is " + result.symbolicName() + " " + result.version() + ", not "
                        + artifact.symbolicName() + " " + artifact.descriptor().version());
            }
            loaded = result;
            return worker;
        } catch (WorkerException | RuntimeException e) {
            worker.kill();
            throw e;
        }
    }

    /** What the bundle reported when it was last loaded. */
    Loaded loaded() {
        return loaded;
    }

    /** Idle workers beyond the first are ended after this long without a call (the pool shrinks with load). */
    static final Duration IDLE_BEYOND_ONE = Duration.ofMinutes(2);

    /** Gives back a worker that answered its call. */
    void release(WorkerProcess worker) {
        lock.lock();
        try {
            if (closed || !worker.isAlive()) {
                worker.kill();
                live--;
            } else {
                worker.idleSince(Instant.now());
                idle.addLast(worker);
                trimIdle(Instant.now().minus(IDLE_BEYOND_ONE));
            }
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the longest-idle workers idle since before {@code cutoff}, keeping at least one. Holds the lock. */
    private void trimIdle(Instant cutoff) {
        while (idle.size() > 1 && idle.peekFirst().idleSince().isBefore(cutoff)) {
            idle.pollFirst().kill();
            live--;
        }
    }

    /**
     * Ends a worker that overran, broke the protocol or died, and starts its replacement in the
     * background (timed: {@link #lastReplacement()}).
     */
    void discard(WorkerProcess worker, String why) {
        Instant at = Instant.now();
        worker.kill();
        lastDiscardedPid = worker.pid();
        LOG.warning(() -> "Ended sandbox worker " + worker.name() + " of "
                + artifact.descriptor().id() + " " + artifact.descriptor().version() + ": " + why);
        lock.lock();
        try {
            live--;
            // every killed worker is replaced at once, in parallel (warm spares make most of it
            // a bundle load): after a burst of overruns the version must serve again quickly
            if (!closed && live < max) {
                live++;
                growing++;
                replacingSince = at;
                background.execute(this::grow);
            }
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How long the last replacement took from the kill to a worker ready to serve; null if none yet. */
    Duration lastReplacement() {
        return lastReplacement;
    }

    /** The process id of the worker discarded last; -1 if none. */
    long lastDiscardedPid() {
        return lastDiscardedPid;
    }

    long replacements() {
        return replacements;
    }

    /** Workers alive now (busy and idle). */
    int size() {
        lock.lock();
        try {
            return live;
        } finally {
            lock.unlock();
        }
    }

    /** The pids of the idle workers (for tests and status). */
    java.util.List<Long> idlePids() {
        lock.lock();
        try {
            return idle.stream().map(WorkerProcess::pid).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Kills the idle workers now and the busy ones as they are given back. */
    @Override
    public void close() {

        lock.lock();
        try {
            closed = true;
            WorkerProcess worker;
            while ((worker = idle.pollFirst()) != null) {
                worker.kill();
                live--;
            }
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
