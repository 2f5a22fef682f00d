package io.caravan.platform.it.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Placements;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.SecondNode;
import io.caravan.platform.it.support.Shops;
import io.caravan.platform.it.support.Shops.Shop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checkout soak (issue #12): storefront checkouts placed and paid by card at the sandbox gateway
 * on a node of their own (node B, over the suite's PostgreSQL) for {@code caravan.soak.minutes}
 * (default 30) with {@code caravan.soak.threads} callers (default 2), after a warm-up. It fails on
 * any answer that is not the expected one (every checkout 201, every payment method 200, every
 * placement 201 and PAID); the heap after a full GC at the start and at the end, the orders placed
 * and the placement latency are printed for BENCHMARKS.md — figures, not assertions.
 *
 * <p>Not part of the test command (its name does not end in IT): {@code ./caravan soak [minutes]}
 * runs it (README, "Checkout soak").
 */
class CheckoutSoak extends PlatformIT {
    private static final int MINUTES = Integer.getInteger("caravan.soak.minutes", 30);
    private static final int THREADS = Integer.getInteger("caravan.soak.threads", 2);
    private static final int WARM_UP_ORDERS = 100;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private static SecondNode nodeB;

    @BeforeAll
    static void startNodeB() {
        nodeB = SecondNode.start(19090, 19453, Map.of());
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void checkouts_placed_for_the_whole_soak_are_all_answered_as_expected() throws Exception {
        Shop shop = Shops.open(admin(), base, "soak", null);
        Api storefrontB = Shops.storefront(shop.owner(), nodeB.url(), shop.slug());
        Shops.stock(shop.owner(), shop.slug(), "shenzhen", Shops.MUG, 100_000_000);
        Shops.stock(shop.owner(), shop.slug(), "rotterdam", Shops.MUG, 0);
        for (int i = 0; i < WARM_UP_ORDERS; i++) {
            Placements.placeOne(storefrontB, shop);
        }
        long pid = SecondNode.process().orElseThrow().pid();
        long heapStartKb = heapAfterFullGc(pid);

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MINUTES);
        AtomicLong placed = new AtomicLong();
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                work.add(callers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        try {
                            Placements.ReadyToPlace ready = Placements.readyToPlace(storefrontB, shop);
                            long t0 = System.nanoTime();
                            Api.Reply reply = Placements.place(storefrontB, shop, ready);
                            latenciesMicros.add((System.nanoTime() - t0) / 1_000);
                            if (reply.status() == 201
                                    && "PAID".equals(reply.json().getString("paymentStatus", ""))) {
                                placed.incrementAndGet();
                            } else {
                                errors.merge("placement " + reply.status(), 1, Integer::sum);
                            }
                        } catch (AssertionError | RuntimeException e) {
                            String what = String.valueOf(e.getMessage());
                            errors.merge(what.length() > 120 ? what.substring(0, 120) : what, 1, Integer::sum);
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(MINUTES + 5L, TimeUnit.MINUTES);
            }
        } finally {
            callers.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long heapEndKb = heapAfterFullGc(pid);
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "Checkout soak: %d min, %d threads, %d orders placed and paid (%.1f/s), %d errors %s;"
                        + " placement p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " node B heap after a full GC: %.1f MiB at the start, %.1f MiB at the end (%+.1f MiB)%n",
                MINUTES,
                THREADS,
                placed.get(),
                placed.get() / seconds,
                errors.values().stream().mapToInt(Integer::intValue).sum(),
                errors,
                percentile(sorted, 0.50) / 1000.0,
                percentile(sorted, 0.99) / 1000.0,
                sorted.isEmpty() ? 0 : sorted.getLast() / 1000.0,
                heapStartKb / 1024.0,
                heapEndKb / 1024.0,
                (heapEndKb - heapStartKb) / 1024.0);
        assertThat(errors).as("answers other than the expected ones").isEmpty();
        assertThat(placed.get()).as("orders placed during the soak").isPositive();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    /** The node's heap in use right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    private static long heapAfterFullGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        assertThat(used.find()).as("jcmd GC.heap_info: " + info).isTrue();
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS))
                .as("jcmd " + command)
                .isTrue();
        assertThat(process.exitValue()).as("jcmd " + command + ": " + out).isZero();
        return out;
    }
}
