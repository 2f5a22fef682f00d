package io.caravan.platform.events.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;

/**
 * This node's delivery figures since it started: the lag from enqueue (the event's commit, as the
 * outbox's clock saw its transaction) to acknowledgement for the last {@value #WINDOW}
 * acknowledged deliveries, and counts of outcomes — what an operator watches and the benchmark
 * reads (p50/p99).
 */
@ApplicationScoped
public class DeliveryLag {
    /** Lags kept for the percentiles. */
    static final int WINDOW = 10_000;

    private final long[] lagMicros = new long[WINDOW];
    private int next;
    private int filled;
    private long delivered;
    private long skipped;
    private long failedAttempts;
    private long dead;
    private long claimsLost;

    /** A snapshot; lag figures are null before the first acknowledgement. */
    public record Snapshot(
            long delivered,
            long skipped,
            long failedAttempts,
            long dead,
            long claimsLost,
            int lagSamples,
            Double lagP50Millis,
            Double lagP99Millis,
            Double lagMaxMillis) {}

    public synchronized void acknowledged(Duration lag) {
        delivered++;
        lagMicros[next] = Math.max(0, lag.toNanos() / 1_000);
        next = (next + 1) % WINDOW;
        filled = Math.min(filled + 1, WINDOW);
    }

    public synchronized void skipped() {
        skipped++;
    }

    public synchronized void failed(boolean nowDead) {
        failedAttempts++;
        if (nowDead) {
            dead++;
        }
    }

    public synchronized void claimLost() {
        claimsLost++;
    }

    public synchronized Snapshot snapshot() {
        if (filled == 0) {
            return new Snapshot(delivered, skipped, failedAttempts, dead, claimsLost, 0, null, null, null);
        }
        long[] sorted = Arrays.copyOf(lagMicros, filled);
        Arrays.sort(sorted);
        return new Snapshot(
                delivered,
                skipped,
                failedAttempts,
                dead,
                claimsLost,
                filled,
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)),
                millis(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Double millis(long micros) {
        return micros / 1000.0;
    }
}
