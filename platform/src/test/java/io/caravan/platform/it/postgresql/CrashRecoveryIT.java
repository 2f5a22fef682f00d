package io.caravan.platform.it.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.KeycloakServer;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.Placements;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import io.caravan.platform.it.support.SecondNode;
import io.caravan.platform.it.support.Shops;
import io.caravan.platform.it.support.Shops.Shop;
import io.caravan.platform.it.support.Stores;
import io.caravan.platform.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crash harness (issue #12; docs/scaling.md, "Crashes"): node B, a second Liberty over the same
 * PostgreSQL ({@link SecondNode}), serves four kinds of work at once — store onboarding (identity in
 * Keycloak), plugin install / upgrade / configuration / uninstall, order placement with a card
 * payment at the sandbox gateway, and order event delivery to a listener plugin — and is killed with
 * SIGKILL at a random moment of it, {@code caravan.crash.kills} times (seeded by
 * {@code caravan.crash.seed}; both printed). Node A (Arquillian's) keeps running, as a cluster's
 * other nodes would. After each kill node B is started again and what must hold at once is checked;
 * after the last, what the platform repairs on its own (unknown payments resolved, abandoned
 * onboardings reaped or retried, leases of dead deliveries expired) is awaited and checked:
 *
 * <ul>
 *   <li>no half-installed plugin: a store's installation is absent or whole (an existing release of
 *       that plugin, consented, enabled), and both nodes answer from exactly what the database holds;
 *   <li>no store without its Keycloak organisation and owner, and no organisation left of a store
 *       that was never registered;
 *   <li>no order without its payment record, no payment attempt left unresolved, and no money the
 *       gateway moved that the platform does not know of: per order, the gateway's authorisations and
 *       captures are the platform's (one authorisation per attempt key, captured ≤ the order total,
 *       captured at the gateway = captured in the platform);
 *   <li>every order event reaches the listener: every delivery row DELIVERED, every placed order's
 *       event fanned out;
 *   <li>a killed node leaves no sandbox worker process behind.
 * </ul>
 *
 * The test command runs a handful of kills (default {@value #DEFAULT_KILLS}); the full run is its own
 * command: {@code ./caravan crash 100} (README, "Crash harness").
 */
class CrashRecoveryIT extends PlatformIT {
    static final int DEFAULT_KILLS = 3;
    private static final int KILLS = Integer.getInteger("caravan.crash.kills", DEFAULT_KILLS);
    private static final long SEED = Long.getLong("caravan.crash.seed", System.nanoTime());
    private static final String ECHO = "test-echo-tax";
    /** When, after the work started, the kill comes: uniformly in this range. */
    private static final long KILL_AFTER_MIN_MILLIS = 300;

    private static final long KILL_AFTER_MAX_MILLIS = 6_000;
    /** What the platform repairs on its own comes within this (resolver every 2 s, claims expire after 8 s). */
    private static final Duration REPAIRED_WITHIN = Duration.ofSeconds(90);

    private static final Duration POLL = Duration.ofMillis(250);

    private static SecondNode nodeB;

    @BeforeAll
    static void startNodeB() {
        // node B reaps abandoned onboardings as soon as their claim has expired (8 s in the suite)
        nodeB = SecondNode.start(19090, 19453, Map.of("CARAVAN_ONBOARDING_REAP_AFTER", "PT8S"));
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    /** What one kind of work did: requests that got an answer, and those the kill cut off. */
    private record Tally(Map<String, Integer> answered, Map<String, Integer> cut) {
        static Tally empty() {
            return new Tally(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        void answered(String what) {
            answered.merge(what, 1, Integer::sum);
        }

        void cut(String what) {
            cut.merge(what, 1, Integer::sum);
        }
    }

    /** A placement the kill cut off: retried later with the same idempotency key and body. */
    private record CutPlacement(String checkout, String idempotencyKey, JsonObject body) {}

    @Test
    void node_b_killed_at_random_moments_loses_nothing_and_leaves_nothing_half_done() throws Exception {
        Random random = new Random(SEED);
        System.out.println("Crash harness: " + KILLS + " kills, seed " + SEED + " (-Dcaravan.crash.seed=" + SEED
                + " repeats the same moments)");
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));

        // The shop whose orders are placed on node B, with a listener plugin for its order events.
        Shop shop = Shops.open(admin, base, "crash", null);
        String listener = Marketplace.publishOrderListener(dev, admin, "crash-listener")[0];
        Marketplace.installListener(shop.owner(), shop.slug(), listener, Json.createObjectBuilder());
        Api storefrontB = Shops.storefront(shop.owner(), nodeB.url(), shop.slug());
        // every placement holds a mug and none ships: enough stock for the longest run, all of it in
        // one warehouse so that every quote (and a retried placement's expected total) stays the same
        Shops.stock(shop.owner(), shop.slug(), "shenzhen", Shops.MUG, 1_000_000);
        Shops.stock(shop.owner(), shop.slug(), "rotterdam", Shops.MUG, 0);
        Placements.placeOne(storefrontB, shop);

        // The store whose echo tax plugin is installed, upgraded, configured and uninstalled on node B.
        String churn = Stores.uniqueSlug("crash-churn");
        Api churnOwner = Stores.onboardAndSignIn(admin, churn);
        String quoteKey = Stores.apiKey(churnOwner, churn, "checkout", "tax:quote");

        Set<String> onboardedSlugs = ConcurrentHashMap.newKeySet();
        Set<String> cutSlugs = ConcurrentHashMap.newKeySet();
        List<CutPlacement> cutPlacements = new CopyOnWriteArrayList<>();
        Tally tally = Tally.empty();
        List<String> report = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                // set just before the kill: a request failing from then on was cut by it
                AtomicBoolean killing = new AtomicBoolean(false);
                // a token of its own each round: a run of 100 kills outlives an access token's 5 minutes
                Api adminB = Api.anonymous(nodeB.url()).withToken(Stores.demoToken("ada"));
                List<Future<?>> work = List.of(
                        workers.submit(() -> onboard(adminB, killing, onboardedSlugs, cutSlugs, tally)),
                        workers.submit(() -> churn(adminB, churn, killing, tally)),
                        workers.submit(() -> place(storefrontB, shop, killing, cutPlacements, tally)),
                        workers.submit(() -> place(storefrontB, shop, killing, cutPlacements, tally)));
                long after = KILL_AFTER_MIN_MILLIS
                        + (long) (random.nextDouble() * (KILL_AFTER_MAX_MILLIS - KILL_AFTER_MIN_MILLIS));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(after));
                killing.set(true);
                ProcessHandle killed = nodeB.kill();
                for (Future<?> f : work) {
                    f.get(60, TimeUnit.SECONDS);
                }
                // the killed JVM's sandbox workers see their pipe close and exit: with node B dead, any
                // process in its sandbox directory is one it left (also one its process spawner started
                // just after the kill)
                assertThat(Poll.until(
                                () -> SecondNode.sandboxWorkers().stream()
                                        .map(p -> p.pid() + " "
                                                + p.info().commandLine().orElse(""))
                                        .toList(),
                                List::isEmpty,
                                Duration.ofSeconds(20),
                                POLL))
                        .as("sandbox processes the killed node B left behind")
                        .isEmpty();
                long restarting = System.nanoTime();
                nodeB.restart();
                long restartMillis = (System.nanoTime() - restarting) / 1_000_000;
                String line = "kill " + kill + " at " + after + " ms (pid " + killed.pid() + "), node B ready again in "
                        + restartMillis + " ms";
                report.add(line);
                System.out.println("Crash harness: " + line);
                assertInstallationWholeAndServedAsStored(churn, quoteKey);
                assertEveryOrderHasItsPayment(shop);
                assertNoDoubleCharge(shop);
                // the restarted node takes orders again (and has its plugins loaded before the next kill)
                Placements.placeOne(storefrontB, shop);
            }
        } finally {
            workers.shutdownNow();
        }

        // What a client does after a lost answer: the same placement again, with the same key.
        // Half the placements the kill cut off are retried by their shopper with the same key (taken
        // over from the dead request after the takeover period, 15 s in the suite); the other half
        // are left to the platform's own repairs (the resolver asks the provider, captures what an
        // at-once store authorised, asks again for an operation nobody answered).
        int answeredWithTheDeadRequestsOrder = 0;
        int retriedPlacements = 0;
        for (int i = 0; i < cutPlacements.size(); i += 2) {
            CutPlacement cut = cutPlacements.get(i);
            retriedPlacements++;
            if (!rows("select id from orders where checkout_id = ?", cut.checkout())
                    .isEmpty()) {
                answeredWithTheDeadRequestsOrder++;
            }
            Api.Reply again = Poll.until(
                    () -> shop.storefront()
                            .withHeader("Idempotency-Key", cut.idempotencyKey())
                            .post(shop.path("checkouts/" + cut.checkout() + "/orders"), cut.body()),
                    r -> r.status() != 409,
                    REPAIRED_WITHIN,
                    Duration.ofSeconds(1));
            assertThat(again.status())
                    .as("placement retried after the kill: %s", again)
                    .isIn(201, 402);
            assertThat(rows("select id from orders where checkout_id = ?", cut.checkout()))
                    .as("orders of checkout %s", cut.checkout())
                    .containsExactly(again.json().getString("orderId"));
        }
        // Half the onboardings the kill cut off are retried (the retry adopts what the dead attempt
        // left in Keycloak once its claim expired); the reaper removes the rest's leftovers.
        List<String> cut = cutSlugs.stream().sorted().toList();
        Api adminA = admin();
        List<String> retried = new ArrayList<>();
        for (int i = 0; i < cut.size(); i += 2) {
            String slug = cut.get(i);
            retried.add(slug);
            Api.Reply again = Poll.until(
                    () -> adminA.post("api/admin/stores", Stores.onboardRequest(slug, Stores.ownerEmail(slug))),
                    r -> r.status() == 201 || r.status() == 200,
                    REPAIRED_WITHIN,
                    Duration.ofSeconds(1));
            // 201: onboarded now (adopting what the dead attempt left); 200: the dead attempt had
            // registered the store after all, and a repeat of the same onboarding answers it
            assertThat(again.status()).as(again.toString()).isIn(200, 201);
        }

        assertPaymentsResolved(shop);
        assertAuthorisedIsCaptured(shop);
        assertNoDoubleCharge(shop);
        assertCapturedAtTheGatewayIsCapturedInThePlatform(shop);
        assertEveryEventDelivered(shop);
        assertStoresAndOrganisationsMatch(onboardedSlugs, cut, retried);
        assertInstallationWholeAndServedAsStored(churn, quoteKey);

        System.out.println("Crash harness (seed " + SEED + "):\n  " + String.join("\n  ", report)
                + "\n  answered: " + new java.util.TreeMap<>(tally.answered()) + "\n  cut by a kill: "
                + new java.util.TreeMap<>(tally.cut()) + "\n  onboardings cut: " + cut.size() + " (retried "
                + retried.size() + "), placements cut: " + cutPlacements.size() + " (retried " + retriedPlacements
                + ": " + answeredWithTheDeadRequestsOrder + " answered with the order the dead request had placed, "
                + (retriedPlacements - answeredWithTheDeadRequestsOrder) + " placed by the retry)");
        assertThat(tally.answered().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("node B did work between the kills")
                .isPositive();
    }

    /**
     * A placement whose node died after committing its order leaves its Idempotency-Key claimed and
     * unanswered (made so here in the database, for a key that did place an order): the shopper's
     * retry with the key takes it over once the claim is older than the takeover period and is
     * answered with that order — not refused for the 24 h the key is kept, and not charged again.
     */
    @Test
    void a_retry_of_a_placement_whose_node_died_is_answered_with_the_order_it_placed() throws Exception {
        Shop shop = Shops.open(admin(), base, "crash-retry", null);
        Placements.ReadyToPlace ready = Placements.readyToPlace(shop.storefront(), shop);
        String checkout = ready.checkout();
        JsonObject body = ready.body();
        String key = UUID.randomUUID().toString();
        Api.Reply placed = shop.storefront()
                .withHeader("Idempotency-Key", key)
                .post(shop.path("checkouts/" + checkout + "/orders"), body);
        Placements.expect(placed, 201);
        String order = placed.json().getString("orderId");

        // as the dead request left it: claimed, unanswered, claimed long before the order was placed
        try (Connection db = PostgresDatabase.connectAsSuperuser();
                PreparedStatement undo = db.prepareStatement("update idempotency_records set state = 'IN_PROGRESS',"
                        + " response_status = null, response_body = null, created_at = created_at - interval '2 minutes'"
                        + " where idempotency_key = ?")) {
            undo.setString(1, key);
            assertThat(undo.executeUpdate()).isEqualTo(1);
        }
        try (Connection db = PostgresDatabase.connectAsSuperuser();
                PreparedStatement orderTime = db.prepareStatement(
                        "update orders set placed_at = placed_at - interval '1 minute' where id = ?")) {
            orderTime.setString(1, order);
            assertThat(orderTime.executeUpdate()).isEqualTo(1);
        }

        long started = System.nanoTime();
        Api.Reply retried = shop.storefront()
                .withHeader("Idempotency-Key", key)
                .post(shop.path("checkouts/" + checkout + "/orders"), body);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.json().getString("orderId")).isEqualTo(order);
        assertThat(retried.json().getString("paymentStatus")).isEqualTo("PAID");
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("taken over at once: the claim is older than the takeover period")
                .isLessThan(10_000);
        // answered for good: the record holds the answer again, and a third request replays it
        assertThat(rows("select state from idempotency_records where idempotency_key = ?", key))
                .containsExactly("COMPLETED");
        Api.Reply third = shop.storefront()
                .withHeader("Idempotency-Key", key)
                .post(shop.path("checkouts/" + checkout + "/orders"), body);
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.json().getString("orderId")).isEqualTo(order);
        assertThat(rows("select id from orders where checkout_id = ?", checkout))
                .containsExactly(order);
        assertThat(Shops.ledger(shop, "authorization")).hasSize(1);
        assertThat(Shops.ledger(shop, "capture")).hasSize(1);
    }

    // ---------------------------------------------------------------- the work node B does

    private static void onboard(
            Api adminB, AtomicBoolean killing, Set<String> onboarded, Set<String> cut, Tally tally) {
        while (!killing.get()) {
            String slug = Stores.uniqueSlug("crash-ob");
            try {
                Api.Reply reply = adminB.post("api/admin/stores", Stores.onboardRequest(slug, Stores.ownerEmail(slug)));
                assertThat(reply.status()).as(reply.toString()).isIn(201, 503);
                if (reply.status() == 201) {
                    onboarded.add(slug);
                    tally.answered("onboarding");
                } else {
                    // refused cleanly (identity unreachable in time): retried or reaped like a cut one
                    cut.add(slug);
                    tally.answered("onboarding-503");
                }
            } catch (RuntimeException e) {
                if (!killing.get()) {
                    throw e;
                }
                cut.add(slug);
                tally.cut("onboarding");
            }
        }
    }

    private static void churn(Api adminB, String store, AtomicBoolean killing, Tally tally) {
        String plugin = "api/admin/stores/" + store + "/plugins/" + ECHO;
        while (!killing.get()) {
            String step = "read";
            try {
                Api.Reply current = adminB.get(plugin);
                if (current.status() == 404) {
                    step = "install";
                    Placements.expect(
                            adminB.post(
                                    "api/admin/stores/" + store + "/plugins",
                                    Json.createObjectBuilder()
                                            .add("pluginId", ECHO)
                                            .add("version", "1.0.0")
                                            .add("configuration", JsonValue.EMPTY_JSON_OBJECT)
                                            .build()),
                            201);
                } else if (current.json().getString("version").equals("1.0.0")) {
                    step = "upgrade";
                    Placements.expect(
                            adminB.put(
                                    plugin + "/version",
                                    Json.createObjectBuilder()
                                            .add("version", "1.1.0")
                                            .build()),
                            200);
                } else if (!current.json().getJsonObject("configuration").containsKey("label")) {
                    step = "configure";
                    Placements.expect(
                            adminB.put(
                                    plugin + "/configuration",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "configuration",
                                                    Json.createObjectBuilder()
                                                            .add("label", "crash " + UUID.randomUUID()))
                                            .build()),
                            200);
                } else {
                    step = "uninstall";
                    Placements.expect(adminB.delete(plugin), 204);
                }
                tally.answered(step);
            } catch (RuntimeException e) {
                if (!killing.get()) {
                    throw e;
                }
                tally.cut(step);
            }
        }
    }

    private static void place(Api storefrontB, Shop shop, AtomicBoolean killing, List<CutPlacement> cut, Tally tally) {
        while (!killing.get()) {
            Placements.ReadyToPlace ready = null;
            String key = UUID.randomUUID().toString();
            try {
                ready = Placements.readyToPlace(storefrontB, shop);
                Api.Reply placed = storefrontB
                        .withHeader("Idempotency-Key", key)
                        .post(shop.path("checkouts/" + ready.checkout() + "/orders"), ready.body());
                Placements.expect(placed, 201);
                tally.answered("placement");
            } catch (RuntimeException e) {
                if (!killing.get()) {
                    throw e;
                }
                if (ready != null) {
                    cut.add(new CutPlacement(ready.checkout(), key, ready.body()));
                }
                tally.cut(ready != null ? "placement" : "checkout");
            }
        }
    }

    // ---------------------------------------------------------------- invariants

    /**
     * The churn store's echo installation is absent or whole, and both nodes answer a tax quote
     * from exactly what the database holds (version and label).
     */
    private void assertInstallationWholeAndServedAsStored(String store, String quoteKey) throws Exception {
        Map<String, String> row;
        try (Connection db = PostgresDatabase.connectAsSuperuser();
                PreparedStatement query = db.prepareStatement(
                        "select i.status, i.configuration, i.consented_permissions, r.plugin_id, r.version, r.status"
                                + " from plugin_installations i join stores s on s.id = i.store_id"
                                + " left join plugin_releases r on r.id = i.release_id"
                                + " where s.slug = ? and i.plugin_id = ?")) {
            query.setString(1, store);
            query.setString(2, ECHO);
            try (ResultSet rs = query.executeQuery()) {
                row = rs.next()
                        ? Map.of(
                                "status", rs.getString(1),
                                "configuration", rs.getString(2),
                                "consented", String.valueOf(rs.getString(3)),
                                "releasePlugin", String.valueOf(rs.getString(4)),
                                "version", String.valueOf(rs.getString(5)),
                                "releaseStatus", String.valueOf(rs.getString(6)))
                        : null;
                assertThat(rs.next())
                        .as("one installation of a plugin per store")
                        .isFalse();
            }
        }
        String quote = "api/stores/" + store + "/tax/quote";
        for (Api node : List.of(
                anonymous().withApiKey(quoteKey), Api.anonymous(nodeB.url()).withApiKey(quoteKey))) {
            if (row == null) {
                Api.Reply nobody = Poll.until(
                        () -> node.post(quote, Carts.mugs("FR")), r -> r.status() == 409, Duration.ofSeconds(20), POLL);
                assertThat(nobody.status())
                        .as("no installation in the database, so nobody answers: %s", nobody)
                        .isEqualTo(409);
                continue;
            }
            assertThat(row.get("status")).as(row.toString()).isEqualTo("ENABLED");
            assertThat(row.get("releasePlugin")).as(row.toString()).isEqualTo(ECHO);
            assertThat(row.get("version")).as(row.toString()).isIn("1.0.0", "1.1.0");
            assertThat(row.get("consented")).as(row.toString()).isNotEqualTo("null");
            JsonObject configuration = Shops.json(row.get("configuration"));
            String rule = "echo-" + row.get("version");
            java.util.function.Predicate<Api.Reply> asStored = r -> r.status() == 200
                    && firstLine(r).getString("ruleId").equals(rule)
                    && (!configuration.containsKey("label")
                            || firstLine(r).getString("explanation").contains(configuration.getString("label")));
            Api.Reply answer =
                    Poll.until(() -> node.post(quote, Carts.mugs("FR")), asStored, Duration.ofSeconds(60), POLL);
            assertThat(asStored.test(answer))
                    .as("the node answers from the installation the database holds (%s): %s", row, answer)
                    .isTrue();
        }
    }

    private static void assertEveryOrderHasItsPayment(Shop shop) throws Exception {
        assertThat(rows(
                        "select o.id from orders o join stores s on s.id = o.store_id where s.slug = ?"
                                + " and not exists (select 1 from payments p where p.order_id = o.id)",
                        shop.slug()))
                .as("orders without a payment record")
                .isEmpty();
    }

    /** The gateway moved no money the platform does not know of, and none twice. */
    private static void assertNoDoubleCharge(Shop shop) throws Exception {
        Map<String, Long> totals = orderTotals(shop);
        Map<String, List<JsonObject>> byOrder = Shops.ledger(shop.provider(), shop.accountId()).stream()
                .collect(Collectors.groupingBy(e -> e.getString("merchant_reference", "")));
        for (Map.Entry<String, List<JsonObject>> order : byOrder.entrySet()) {
            assertThat(totals)
                    .as("the gateway moved money for %s, which the platform has no order of", order.getKey())
                    .containsKey(order.getKey());
            Map<String, Long> authorisationsPerPayment = order.getValue().stream()
                    .filter(e -> e.getString("type").equals("authorization"))
                    .collect(Collectors.groupingBy(e -> e.getString("payment_id"), Collectors.counting()));
            assertThat(authorisationsPerPayment.values())
                    .as("authorisations of order %s", order.getKey())
                    .allMatch(n -> n == 1);
            assertThat(authorisationsPerPayment)
                    .as("gateway payments of order %s (one per attempt, one attempt)", order.getKey())
                    .hasSizeLessThanOrEqualTo(1);
            long captured = sum(order.getValue(), "capture") - sum(order.getValue(), "refund");
            assertThat(captured)
                    .as("captured of order %s", order.getKey())
                    .isLessThanOrEqualTo(totals.get(order.getKey()));
        }
    }

    private static void assertPaymentsResolved(Shop shop) throws Exception {
        List<String> open = Poll.until(
                () -> rows(
                        "select p.id || ' ' || p.outcome from payments p join stores s on s.id = p.store_id"
                                + " where s.slug = ? and p.outcome in ('UNKNOWN', 'REQUESTED')",
                        shop.slug()),
                List::isEmpty,
                REPAIRED_WITHIN,
                POLL);
        assertThat(open).isEmpty();
    }

    /**
     * The store captures at once (its default): every authorised payment ends captured in full, also
     * when the node died between the authorisation and the capture.
     */
    private static void assertAuthorisedIsCaptured(Shop shop) throws Exception {
        List<String> uncaptured = Poll.until(
                () -> rows(
                        "select p.id || ' ' || p.authorized_minor || ' ' || p.captured_minor || ' '"
                                + " || p.capture_pending_minor from payments p join stores s on s.id = p.store_id"
                                + " where s.slug = ? and p.outcome = 'AUTHORIZED'"
                                + " and (p.captured_minor < p.amount_minor or p.capture_pending_minor > 0)",
                        shop.slug()),
                List::isEmpty,
                REPAIRED_WITHIN,
                POLL);
        assertThat(uncaptured)
                .as("authorised payments of an at-once store not captured")
                .isEmpty();
    }

    private static void assertCapturedAtTheGatewayIsCapturedInThePlatform(Shop shop) throws Exception {
        Map<String, Long> platform = Poll.until(
                () -> capturedPerOrder(shop),
                captured -> captured.equals(gatewayCaptured(shop)),
                REPAIRED_WITHIN,
                POLL);
        assertThat(platform).isEqualTo(gatewayCaptured(shop));
    }

    private static void assertEveryEventDelivered(Shop shop) throws Exception {
        List<String> undelivered = Poll.until(
                () -> rows(
                        "select d.event_id || ' ' || d.status from event_deliveries d join stores s on s.id = d.store_id"
                                + " where s.slug = ? and d.status <> 'DELIVERED'",
                        shop.slug()),
                List::isEmpty,
                REPAIRED_WITHIN,
                POLL);
        assertThat(undelivered).as("deliveries not delivered").isEmpty();
        assertThat(rows(
                        "select o.id from orders o join stores s on s.id = o.store_id where s.slug = ?"
                                + " and not exists (select 1 from event_deliveries d where d.order_id = o.id"
                                + " and d.event_type = 'PLACED')",
                        shop.slug()))
                .as("placed orders whose PLACED event never reached the listener")
                .isEmpty();
    }

    /**
     * Every onboarding node B answered 201 has its store and its organisation with the owner in it;
     * every one the kill cut off and that was retried has both; every other cut one has both (it
     * committed before the kill) or neither once the reaper ran — and no claim is left.
     */
    private static void assertStoresAndOrganisationsMatch(Set<String> onboarded, List<String> cut, List<String> retried)
            throws Exception {
        KeycloakServer keycloak = KeycloakServer.get();
        for (String slug : onboarded) {
            assertThat(storeExists(slug)).as(slug).isTrue();
            assertThat(keycloak.organizationExists(slug))
                    .as("organisation of " + slug)
                    .isTrue();
            assertThat(keycloak.organizationMemberEmails(slug)).contains(Stores.ownerEmail(slug));
        }
        for (String slug : retried) {
            assertThat(storeExists(slug)).as("retried " + slug).isTrue();
            assertThat(keycloak.organizationExists(slug))
                    .as("organisation of retried " + slug)
                    .isTrue();
            assertThat(keycloak.organizationMemberEmails(slug)).contains(Stores.ownerEmail(slug));
        }
        for (String slug : cut) {
            if (retried.contains(slug)) {
                continue;
            }
            // store, organisation, claim: the dead attempt registered the store after all, or it left
            // nothing once the reaper ran
            assertThat(Poll.until(
                            () -> storeExists(slug) + " " + keycloak.organizationExists(slug) + " " + claimed(slug),
                            state -> state.equals("true true false") || state.equals("false false false"),
                            REPAIRED_WITHIN,
                            POLL))
                    .as("store, organisation and claim of %s, cut by a kill and not retried", slug)
                    .isIn("true true false", "false false false");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static long sum(List<JsonObject> entries, String type) {
        return entries.stream()
                .filter(e -> e.getString("type").equals(type))
                .mapToLong(e -> e.getJsonNumber("amount").longValue())
                .sum();
    }

    private static Map<String, Long> gatewayCaptured(Shop shop) {
        Map<String, Long> captured = new HashMap<>();
        for (JsonObject e : Shops.ledger(shop.provider(), shop.accountId())) {
            String type = e.getString("type");
            if (type.equals("capture")) {
                captured.merge(
                        e.getString("merchant_reference"),
                        e.getJsonNumber("amount").longValue(),
                        Long::sum);
            }
        }
        captured.values().removeIf(v -> v == 0);
        return captured;
    }

    private static Map<String, Long> capturedPerOrder(Shop shop) {
        Map<String, Long> captured = new HashMap<>();
        for (String row : rows(
                "select p.order_id || ' ' || sum(p.captured_minor) from payments p join stores s on s.id = p.store_id"
                        + " where s.slug = ? group by p.order_id having sum(p.captured_minor) > 0",
                shop.slug())) {
            String[] parts = row.split(" ");
            captured.put(parts[0], Long.parseLong(parts[1]));
        }
        return captured;
    }

    private static Map<String, Long> orderTotals(Shop shop) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String row : rows(
                "select o.id || ' ' || o.total_minor from orders o join stores s on s.id = o.store_id where s.slug = ?",
                shop.slug())) {
            String[] parts = row.split(" ");
            totals.put(parts[0], Long.parseLong(parts[1]));
        }
        return totals;
    }

    private static boolean storeExists(String slug) {
        return !rows("select id from stores where slug = ?", slug).isEmpty();
    }

    private static boolean claimed(String slug) {
        return !rows("select slug from store_claims where slug = ?", slug).isEmpty();
    }

    /** The first column of every row, as text; run as the database superuser (across stores, past RLS). */
    private static List<String> rows(String sql, String parameter) {
        try (Connection db = PostgresDatabase.connectAsSuperuser();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return Collections.unmodifiableList(values);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static JsonObject firstLine(Api.Reply reply) {
        return reply.json().getJsonArray("lineTaxes").getJsonObject(0);
    }
}
