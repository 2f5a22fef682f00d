package io.caravan.platform.it.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import io.caravan.platform.it.support.Stores;
import io.caravan.platform.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under load (issue #12, item 2): two merchants' writers create products
 * without pause while the database server is restarted ({@code pg_ctlcluster … restart}, fast
 * shutdown: every connection of the pool is cut). Liberty is not restarted. While the database is
 * away a request gets 503 {@code database-unavailable} with Retry-After, never a 500; afterwards the
 * pool serves again by itself; and every product the API acknowledged (201) is in the database.
 */
class DatabaseRestartIT extends PlatformIT {
    private static final Duration RECOVERED_WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);

    @Test
    void the_pool_recovers_from_a_postgresql_restart_under_load_and_nothing_acknowledged_is_lost() throws Exception {
        String slug = Stores.uniqueSlug("pg-restart");
        Api owner = Stores.onboardAndSignIn(admin(), slug);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        for (int w = 0; w < 2; w++) {
            writers.submit(() -> {
                while (!stop.get()) {
                    String handle = "restart-" + sequence.incrementAndGet();
                    Api.Reply reply = owner.post("api/stores/" + slug + "/products", product(handle));
                    statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger())
                            .incrementAndGet();
                    if (reply.status() == 201) {
                        acknowledged.add(handle);
                    } else if (reply.status() != 503
                            || !reply.isProblem()
                            || !reply.json().getString("type").endsWith("/database-unavailable")) {
                        wrong.add(reply.toString());
                    }
                }
                return null;
            });
        }
        try {
            assertThat(Poll.until(() -> acknowledged.size() >= 10, RECOVERED_WITHIN, POLL))
                    .as("load flowing before the restart")
                    .isTrue();

            long begin = System.nanoTime();
            restartPostgresql();
            double restartSeconds = (System.nanoTime() - begin) / 1e9;
            int before = acknowledged.size();

            boolean recovered = Poll.until(() -> acknowledged.size() >= before + 20, RECOVERED_WITHIN, POLL);
            double recoveredSeconds = (System.nanoTime() - begin) / 1e9;
            assertThat(recovered)
                    .as(
                            "writes acknowledged again within %s of the restart, without restarting Liberty; answers %s",
                            RECOVERED_WITHIN, new TreeMap<>(statuses))
                    .isTrue();
            System.out.printf(
                    "PostgreSQL restart under load: restart %.1f s, writes acknowledged again %.1f s after it began;"
                            + " answers %s%n",
                    restartSeconds, recoveredSeconds, new TreeMap<>(statuses));
        } finally {
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(wrong)
                .as("answers other than 201 or 503 database-unavailable")
                .isEmpty();
        Set<String> stored = storedHandles(slug);
        List<String> lost = new ArrayList<>();
        for (String handle : acknowledged) {
            if (!stored.contains(handle)) {
                lost.add(handle);
            }
        }
        assertThat(lost).as("acknowledged products missing from the database").isEmpty();
        assertThat(stored)
                .as("every acknowledged product is stored once")
                .hasSizeGreaterThanOrEqualTo(acknowledged.size());
        // and the node reports its database ready again, without a restart
        assertThat(Poll.until(
                        () -> anonymous().get("../health/ready").json().getJsonArray("checks").stream()
                                .map(c -> c.asJsonObject())
                                .filter(c -> c.getString("name").equals("database"))
                                .anyMatch(c -> c.getString("status").equals("UP")),
                        Boolean.TRUE::equals,
                        RECOVERED_WITHIN,
                        POLL))
                .isTrue();
    }

    /** Restarts the local cluster serving 127.0.0.1:5432 (fast shutdown cuts every connection). */
    private static void restartPostgresql() throws Exception {
        File[] versions = new File("/etc/postgresql").listFiles(File::isDirectory);
        assertThat(versions)
                .as("the suite restarts the local PostgreSQL with pg_ctlcluster (Debian's postgresql-common)")
                .isNotEmpty();
        String version = versions[versions.length - 1].getName();
        Process restart = new ProcessBuilder(
                        "pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "--", "-m", "fast")
                .redirectErrorStream(true)
                .start();
        boolean finished = restart.waitFor(60, TimeUnit.SECONDS);
        String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("pg_ctlcluster restart finished: %s", output).isTrue();
        assertThat(restart.exitValue()).as("pg_ctlcluster restart: %s", output).isZero();
    }

    private static Set<String> storedHandles(String slug) throws Exception {
        Set<String> handles = new HashSet<>();
        try (Connection db = PostgresDatabase.connectAsSuperuser();
                PreparedStatement query = db.prepareStatement("select p.handle from catalog_products p"
                        + " join stores s on s.id = p.store_id where s.slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    handles.add(rows.getString(1));
                }
            }
        }
        return handles;
    }

    private static JsonObject product(String handle) {
        return Json.createObjectBuilder()
                .add("handle", handle)
                .add("title", "Tile " + handle)
                .add("status", "ACTIVE")
                .add("taxCategory", "STANDARD")
                .add(
                        "variants",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("sku", handle.toUpperCase())
                                        .add(
                                                "prices",
                                                Json.createObjectBuilder().add("EUR", 1250))
                                        .add("weightGrams", 300)
                                        .add("hsCode", "690790")
                                        .add("originCountry", "PT")))
                .build();
    }
}
