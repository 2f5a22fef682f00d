package io.caravan.platform.it;

import static io.caravan.platform.catalog.CatalogFixtures.onHand;
import static io.caravan.platform.catalog.CatalogFixtures.product;
import static io.caravan.platform.catalog.CatalogFixtures.variant;
import static io.caravan.platform.catalog.CatalogFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.catalog.CatalogHttp;
import io.caravan.platform.catalog.CatalogHttp.Reply;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import io.caravan.platform.testing.Poll;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Reservations under contention and their expiry, on both databases: the stock rows are locked,
 * so threads racing for the last units get exactly the units there are; the sweep
 * ({@code CARAVAN_CATALOG_RESERVATION_SWEEP_EVERY}, short in the IT configuration) gives expired
 * holds back.
 */
class CatalogReservationsIT extends PlatformIT {
    @Test
    void threadsRacingForTheLastUnitsGetExactlyTheStock() throws Exception {
        String slug = Stores.uniqueSlug("cat-race");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String store = "api/stores/" + slug;
        owner.post(store + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 1));
        owner.post(
                store + "/products",
                product("mug", "ACTIVE", variant("MUG-1", "Blue", 1800), variant("MUG-2", "Green", 1800)));
        owner.put(store + "/stock/rotterdam/MUG-1", onHand(5), "\"0\"");
        owner.put(store + "/stock/rotterdam/MUG-2", onHand(5), "\"0\"");

        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String name = "race-" + i;
            // half ask for both SKUs in opposite orders: lock ordering must keep them from deadlocking
            boolean reversed = i % 2 == 1;
            answers.add(pool.submit(() -> {
                start.await();
                var lines = Json.createArrayBuilder();
                String first = reversed ? "MUG-2" : "MUG-1";
                String second = reversed ? "MUG-1" : "MUG-2";
                lines.add(line(first)).add(line(second));
                return owner.post(
                                store + "/stock-reservations",
                                Json.createObjectBuilder()
                                        .add("name", name)
                                        .add(
                                                "expiresAt",
                                                Instant.now().plusSeconds(600).toString())
                                        .add("lines", lines)
                                        .build())
                        .status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(5);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(threads - 5);
        for (String sku : List.of("MUG-1", "MUG-2")) {
            var row = owner.get(store + "/stock/rotterdam/" + sku).json();
            assertThat(row.getInt("reserved")).as(sku).isEqualTo(5);
            assertThat(row.getInt("available")).as(sku).isZero();
        }
        assertThat(owner.get(store + "/stock-reservations").array()).hasSize(10);
    }

    @Test
    void anExpiredHoldIsReleasedByTheSweep() throws InterruptedException {
        String slug = Stores.uniqueSlug("cat-sweep");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String store = "api/stores/" + slug;
        owner.post(store + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 1));
        owner.post(store + "/products", product("mug", "ACTIVE", variant("MUG-1", "Blue", 1800)));
        owner.put(store + "/stock/rotterdam/MUG-1", onHand(3), "\"0\"");
        Reply held = owner.post(
                store + "/stock-reservations",
                Json.createObjectBuilder()
                        .add("name", "short")
                        .add("expiresAt", Instant.now().plusSeconds(2).toString())
                        .add(
                                "lines",
                                Json.createArrayBuilder().add(line("MUG-1").add("quantity", 3)))
                        .build());
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(owner.get(store + "/stock/rotterdam/MUG-1").json().getInt("available"))
                .isZero();

        boolean released = Poll.until(
                () -> owner.get(store + "/stock/rotterdam/MUG-1").json().getInt("reserved") == 0,
                Duration.ofSeconds(30),
                Duration.ofMillis(500));
        assertThat(released).as("the sweep released the expired hold").isTrue();
        assertThat(owner.get(store + "/stock/rotterdam/MUG-1").json().getInt("available"))
                .isEqualTo(3);
        assertThat(owner.get(store + "/stock-reservations").array()).isEmpty();
    }

    private static jakarta.json.JsonObjectBuilder line(String sku) {
        return Json.createObjectBuilder()
                .add("warehouse", "rotterdam")
                .add("sku", sku)
                .add("quantity", 1);
    }
}
