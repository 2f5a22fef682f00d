package io.caravan.platform.host.infrastructure.sandbox;

import io.caravan.sandbox.protocol.Envelope;
import io.caravan.sandbox.protocol.FrameChannel;
import io.caravan.sandbox.protocol.Ready;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sandbox.protocol.SandboxProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One sandbox process seen from the platform: its protocol channel (a reader thread queues what it
 * says), its standard error (drained into the platform's log, tagged and bounded), and the one way
 * to end it — {@link #kill()}, which kills the process and everything it started.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkerProcess.class.getName());
    private static final int MAX_LOG_LINES = 200;
    private static final int MAX_LOG_LINE = 500;
    private static final Envelope GONE = new Envelope("_gone", SandboxJson.tree(null));

    private final String name;
    private final Process process;
    private final FrameChannel channel;
    private final BlockingQueue<Envelope> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final Instant started = Instant.now();
    private final Runnable cleanup;
    private volatile String goneReason;
    private volatile String tag;
    private volatile Instant idleSince = Instant.now();
    private Ready ready;
    private Duration startTime;

    WorkerProcess(String name, Process process, Runnable cleanup) {
        this.name = name;
        this.process = process;
        this.cleanup = cleanup;
        this.tag = "[sandbox " + name + "] ";
        this.channel = new FrameChannel(
                process.getInputStream(), process.getOutputStream(), SandboxProtocol.MAX_FRAME_FROM_WORKER);
        Thread reader = new Thread(this::read, "caravan-" + name + "-reader");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(this::drainErrors, "caravan-" + name + "-stderr");
        errors.setDaemon(true);
        errors.start();
        process.onExit().thenRun(() -> {
            inbox.offer(GONE);
            cleanup.run();
        });
    }

    private void read() {
        try {
            while (true) {
                inbox.put(channel.receive());
            }
        } catch (IOException e) {
            goneReason = killed.get() ? "it was ended by the platform" : describe(e);
            if (!killed.get() && e instanceof FrameChannel.ProtocolException) {
                LOG.warning(tag + "broke the protocol (" + e.getMessage() + "); ending it");
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inbox.offer(GONE);
        }
    }

    private static String describe(IOException e) {
        return e instanceof java.io.EOFException ? "the process ended" : e.getMessage();
    }

    private void drainErrors() {
        int lines = 0;
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                if (jdkNotice(line)) {
                    continue;
                }
                if (++lines <= MAX_LOG_LINES) {
                    String shown = line.length() > MAX_LOG_LINE ? line.substring(0, MAX_LOG_LINE) + "…" : line;
                    LOG.info(tag + shown);
                } else if (lines == MAX_LOG_LINES + 1) {
                    LOG.warning(tag + "writes too much to standard error; the rest is not logged");
                }
            }
        } catch (IOException e) {
            // the process has gone
        }
    }

    /** The JDK's start-up notice about Felix's use of sun.misc.Unsafe, printed by every worker. */
    private static boolean jdkNotice(String line) {
        return line.startsWith("WARNING: A terminally deprecated method in sun.misc.Unsafe")
                || line.startsWith("WARNING: sun.misc.Unsafe::")
                || line.startsWith(
                        "WARNING: Please consider reporting this to the maintainers of class org.apache.felix");
    }

    /** Waits for the worker's {@code ready}; kills it if it does not come in time or is wrong. */
    void awaitReady(Duration timeout, String expectedSdk) throws WorkerException {
        Envelope first = next(Instant.now().plus(timeout));
        if (!SandboxProtocol.READY.equals(first.type())) {
            kill();
            throw new WorkerException(name + " said " + first.type() + " before it was ready");
        }
        Ready r = SandboxJson.read(first.body(), Ready.class);
        if (r.protocol() != SandboxProtocol.VERSION) {
            kill();
            throw new WorkerException(name + " speaks protocol " + r.protocol() + ", not " + SandboxProtocol.VERSION);
        }
        if (expectedSdk != null && !expectedSdk.equals(r.sdkVersion())) {
            kill();
            throw new WorkerException(name + " exports SDK " + r.sdkVersion() + ", the platform " + expectedSdk);
        }
        this.ready = r;
        this.startTime = Duration.between(started, Instant.now());
    }

    /**
     * The next message, waiting until {@code deadline}.
     *
     * @throws WorkerException.Timeout when nothing came in time (the worker is not killed here)
     * @throws WorkerException         when the worker has gone
     */
    Envelope next(Instant deadline) throws WorkerException {
        long nanos = Duration.between(Instant.now(), deadline).toNanos();
        Envelope envelope;
        try {
            envelope = nanos <= 0 ? inbox.poll() : inbox.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException.Interrupted(name + ": the waiting thread was interrupted");
        }
        if (envelope == null) {
            throw new WorkerException.Timeout(name + " did not answer in time");
        }
        if (envelope == GONE) {
            inbox.offer(GONE);
            throw new WorkerException(
                    name + " has gone: " + (goneReason == null ? "the process ended" : goneReason) + exitDetail());
        }
        return envelope;
    }

    private String exitDetail() {
        return process.isAlive() ? "" : " (exit " + process.exitValue() + ")";
    }

    /** Sends one message. */
    void send(String type, Object body) throws WorkerException {
        try {
            channel.send(type, body);
        } catch (IOException e) {
            throw new WorkerException(name + " cannot be written to: " + e.getMessage());
        }
    }

    /** Kills the process and every process it started; returns at once (cleanup follows its exit). */
    public void kill() {
        if (killed.compareAndSet(false, true)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Waits for the process to be gone after {@link #kill()}. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        kill();
    }

    public boolean isAlive() {
        return !killed.get() && process.isAlive();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** How long the JVM took from start to {@code ready}. */
    public Duration startTime() {
        return startTime;
    }

    Instant idleSince() {
        return idleSince;
    }

    void idleSince(Instant at) {
        this.idleSince = at;
    }

    Ready ready() {
        return ready;
    }

    void tag(String tag) {
        this.tag = tag;
    }

    /** Logs a plugin's line from this worker. */
    void log(String level, String message) {
        Level l = switch (level) {
            case "ERROR" -> Level.SEVERE;
            case "WARN" -> Level.WARNING;
            default -> Level.INFO;
        };
        String shown = message == null
                ? ""
                : message.length() > MAX_LOG_LINE ? message.substring(0, MAX_LOG_LINE) + "…" : message;
        LOG.log(l, tag + shown);
    }
}
