package io.caravan.platform.host.infrastructure.sandbox;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Started, empty workers kept ready, so an upload's dry run or a version's first worker does not
 * wait for a JVM to start. A spare is taken, used for one bundle, and replaced in the background.
 */
public final class SpareWorkers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpareWorkers.class.getName());

    private final SandboxLauncher launcher;
    private final int target;
    private final ConcurrentLinkedDeque<WorkerProcess> ready = new ConcurrentLinkedDeque<>();
    private final AtomicInteger starting = new AtomicInteger();
    private final ExecutorService starter;
    private volatile boolean closed;

    public SpareWorkers(SandboxLauncher launcher) {
        this.launcher = launcher;
        this.target = Math.max(0, launcher.settings().spares());
        this.starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "caravan-sandbox-spares");
            t.setDaemon(true);
            return t;
        });
        replenish();
    }

    /** A ready worker: a spare if one is up, else one started now. */
    public WorkerProcess take() throws WorkerException {
        if (closed) {
            throw new WorkerException("the sandbox is shutting down");
        }
        WorkerProcess spare;
        while ((spare = ready.pollFirst()) != null) {
            if (spare.isAlive()) {
                replenish();
                return spare;
            }
        }
        replenish();
        return launcher.start();
    }

    private void replenish() {
        while (!closed && ready.size() + starting.get() < target) {
            starting.incrementAndGet();
            try {
                starter.execute(() -> {
                    try {
                        WorkerProcess worker = launcher.start();
                        if (closed) {
                            worker.kill();
                        } else {
                            ready.addLast(worker);
                        }
                    } catch (WorkerException | RuntimeException e) {
                        LOG.log(Level.WARNING, "Cannot start a spare sandbox worker: " + e.getMessage());
                    } finally {
                        starting.decrementAndGet();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                starting.decrementAndGet();
                return;
            }
        }
    }

    /** Spares up now. */
    public int readyCount() {
        return ready.size();
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        WorkerProcess spare;
        while ((spare = ready.pollFirst()) != null) {
            spare.kill();
        }
    }
}
