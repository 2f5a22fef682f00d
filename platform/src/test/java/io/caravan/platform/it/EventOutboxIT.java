package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.events.testsupport.OutboxTestResource;
import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Deployments;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.Stores;
import io.caravan.platform.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order event outbox on a real Liberty, H2 and PostgreSQL, with a real listener bundle
 * (plugins/test-bundles/order-listener, published through the marketplace as a developer would)
 * that records every receipt and its once-only effect in its plugin storage. Events are appended by
 * a test-only resource that stands in for the order code (events.testsupport, added to this
 * deployment only): in a transaction that commits or rolls back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventOutboxIT {
    private static final String LISTENER_JAR = "caravan-test-order-listener.jar";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration PAUSE = Duration.ofMillis(200);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.platform().addPackage(OutboxTestResource.class.getPackage());
    }

    @Test
    void every_event_reaches_each_listener_once_in_sequence_and_a_rolled_back_one_never() throws Exception {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String store = Stores.uniqueSlug("evt");
        Api owner = Stores.onboardAndSignIn(admin, store);
        String first = publishCertifiedListener(dev, admin); // in the platform's JVM
        String second = publishListener(dev, admin); // in a sandbox worker: the event crosses the protocol
        install(owner, store, first, Json.createObjectBuilder());
        install(owner, store, second, Json.createObjectBuilder());
        String order = "order-" + hex();
        String rolledBackOrder = "order-" + hex();

        JsonObject rolledBack = append(admin, store, rolledBackOrder, 1, "PLACED", true);
        assertThat(rolledBack.getJsonArray("deliveries"))
                .as("fanned out before the rollback")
                .hasSize(2);
        List<String> placed = List.of(
                append(admin, store, order, 1, "PLACED", false).toString(),
                append(admin, store, order, 2, "CONFIRMED", false).toString());
        assertThat(append(admin, store, order, 3, "RELEASED", false).getJsonArray("deliveries"))
                .as("no listener subscribes to RELEASED")
                .isEmpty();
        append(admin, store, order, 4, "COMPLETED", false);
        assertThat(append(admin, store, rolledBackOrder, 1, "PLACED", false).getJsonArray("deliveries"))
                .as("the rolled-back sequence 1 left nothing behind: sequence 1 is accepted again")
                .hasSize(2);
        assertThat(placed).allSatisfy(p -> assertThat(p).contains("\"committed\":true"));

        // the outbox refuses gaps, duplicate sequences and duplicate event ids, naming both numbers
        Api.Reply gap = appendReply(admin, store, "event-" + hex(), order, 6, "PLACED", false);
        assertThat(gap.status()).as(gap.toString()).isEqualTo(409);
        assertThat(gap.json().getString("type")).endsWith("/event-sequence");
        assertThat(gap.json().getString("detail")).contains("sequence 6", "must be 5", "a gap");
        Api.Reply again = appendReply(admin, store, "event-" + hex(), order, 2, "PLACED", false);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("detail")).contains("sequence 2", "must be 5", "duplicate");

        JsonArray deliveries = awaitFinal(owner, store, order, 6);
        assertThat(deliveries)
                .allSatisfy(
                        d -> assertThat(((JsonObject) d).getString("status")).isEqualTo("DELIVERED"));
        assertThat(deliveries.stream()
                        .map(d -> ((JsonObject) d).getString("pluginId"))
                        .collect(Collectors.groupingBy(p -> p, Collectors.counting())))
                .isEqualTo(Map.of(first, 3L, second, 3L));
        assertThat(deliveries).allSatisfy(d -> {
            JsonObject delivery = (JsonObject) d;
            assertThat(delivery.getString("id")).isNotEqualTo(delivery.getString("eventId"));
            if (delivery.getString("pluginId").equals(first)) {
                assertThat(delivery.getInt("attempts")).as(delivery.toString()).isEqualTo(1);
            }
        });
        awaitFinal(owner, store, rolledBackOrder, 2);
        JsonArray all =
                owner.get("api/stores/" + store + "/events?size=200").json().getJsonArray("items");
        assertThat(all).hasSize(8);
        for (JsonValue id : rolledBack.getJsonArray("deliveries")) {
            assertThat(all.toString()).doesNotContain(((jakarta.json.JsonString) id).getString());
        }

        for (String listener : List.of(first, second)) {
            Map<String, String> storage = storage(admin, store, listener);
            assertThat(storage.get("log/" + order))
                    .as(listener + " made each effect once, in sequence")
                    .isEqualTo("1:PLACED,2:CONFIRMED,4:COMPLETED");
            assertThat(storage.get("log/" + rolledBackOrder)).isEqualTo("1:PLACED");
            Map<String, String> received = storage.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("received/"))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(received).as(listener).hasSize(4);
            if (listener.equals(first)) {
                assertThat(received)
                        .allSatisfy((key, count) -> assertThat(count).isEqualTo("1"));
            }
        }

        // 14 days on, the finished deliveries go, and every event but each order's last
        JsonObject early = admin.post("api/test/outbox/stores/" + store + "/purge?days=13", JsonValue.EMPTY_JSON_OBJECT)
                .json();
        assertThat(early.getInt("deliveries")).as(early.toString()).isZero();
        JsonObject purged = admin.post(
                        "api/test/outbox/stores/" + store + "/purge?days=15", JsonValue.EMPTY_JSON_OBJECT)
                .json();
        assertThat(purged.getInt("deliveries")).as(purged.toString()).isEqualTo(8);
        assertThat(purged.getInt("events"))
                .as("sequences 1 to 3 of the order; its 4 and the other order's 1 stay")
                .isEqualTo(3);
        assertThat(append(admin, store, order, 5, "COMPLETED", false).getJsonArray("deliveries"))
                .as("the kept last event still fixes the next sequence")
                .hasSize(2);
        Api.Reply afterPurge = appendReply(admin, store, "event-" + hex(), order, 5, "COMPLETED", false);
        assertThat(afterPurge.status()).as(afterPurge.toString()).isEqualTo(409);
        awaitFinal(owner, store, order, 2);

        // filters and bad parameters
        JsonObject dead =
                owner.get("api/stores/" + store + "/events?status=dead").json();
        assertThat(dead.getJsonNumber("total").longValue()).isZero();
        Api.Reply bad = owner.get("api/stores/" + store + "/events?status=LOST&size=0");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().getJsonArray("errors").stream()
                        .map(e -> ((JsonObject) e).getString("field"))
                        .toList())
                .containsExactly("status", "size");

        // another store sees none of it
        String other = Stores.uniqueSlug("evx");
        Api otherOwner = Stores.onboardAndSignIn(admin, other);
        assertThat(otherOwner
                        .get("api/stores/" + other + "/events")
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isZero();
        assertThat(otherOwner.get("api/stores/" + store + "/events").status()).isEqualTo(403);
        String someDelivery = ((JsonObject) deliveries.get(0)).getString("id");
        assertThat(otherOwner
                        .post(
                                "api/stores/" + other + "/events/deliveries/" + someDelivery + "/retry",
                                JsonValue.EMPTY_JSON_OBJECT)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_failing_listener_backs_off_then_dies_the_merchant_and_the_developer_see_it_and_a_retry_delivers()
            throws Exception {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String store = Stores.uniqueSlug("evf");
        Api owner = Stores.onboardAndSignIn(admin, store);
        String listener = publishCertifiedListener(dev, admin);
        // three failures stay under the invoker's breaker (5 of 10): every attempt reaches the plugin
        install(
                owner,
                store,
                listener,
                Json.createObjectBuilder().add("failTimes", 3).add("failSequence", 1));
        String order = "order-" + hex();
        append(admin, store, order, 1, "PLACED", false);
        append(admin, store, order, 2, "CONFIRMED", false);

        JsonArray deliveries = awaitFinal(owner, store, order, 2);
        JsonObject second = (JsonObject) deliveries.get(0); // newest first
        JsonObject first = (JsonObject) deliveries.get(1);
        assertThat(first.getJsonNumber("sequence").longValue()).isEqualTo(1);
        assertThat(first.getString("status")).isEqualTo("DEAD");
        assertThat(first.getInt("attempts")).isEqualTo(3);
        assertThat(first.getString("lastError"))
                .contains("told to fail receipt 3 of 3")
                .doesNotContain("\tat ");
        Instant firstDied = Instant.parse(first.getString("completedAt"));
        assertThat(Duration.between(Instant.parse(first.getString("enqueuedAt")), firstDied))
                .as("three attempts, 1 s and 2 s apart")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(second.getString("status")).isEqualTo("DELIVERED");
        assertThat(second.getInt("attempts")).isEqualTo(1);
        assertThat(Instant.parse(second.getString("completedAt")))
                .as("sequence 2 waited while sequence 1 was pending")
                .isAfterOrEqualTo(firstDied);
        assertThat(storage(admin, store, listener).get("log/" + order)).isEqualTo("2:CONFIRMED");

        // the developer sees the dead delivery with the store's slug, and no order content
        JsonObject forDeveloper = dev.get("api/developer/listings/" + listener + "/event-deliveries?status=DEAD")
                .json();
        assertThat(forDeveloper.getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject seen = forDeveloper.getJsonArray("items").getJsonObject(0);
        assertThat(seen.getString("id")).isEqualTo(first.getString("id"));
        assertThat(seen.getString("store")).isEqualTo(store);
        assertThat(seen.getString("eventType")).isEqualTo("PLACED");
        assertThat(seen.getString("lastError")).contains("told to fail");
        assertThat(seen).doesNotContainKeys("orderId", "eventId", "order");
        assertThat(forDeveloper.toString()).doesNotContain(order);
        assertThat(dev.get("api/developer/listings/" + listener + "/event-deliveries")
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isEqualTo(2);

        // the owner retries: the fourth receipt goes through, after the later event (documented)
        Api.Reply retried = owner.post(
                "api/stores/" + store + "/events/deliveries/" + first.getString("id") + "/retry",
                JsonValue.EMPTY_JSON_OBJECT);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().getString("status")).isEqualTo("PENDING");
        assertThat(retried.json().getInt("attempts")).isZero();
        JsonObject delivered = awaitStatus(owner, store, first.getString("id"), "DELIVERED");
        assertThat(delivered.getInt("attempts")).isEqualTo(1);
        assertThat(storage(admin, store, listener).get("log/" + order)).isEqualTo("2:CONFIRMED,1:PLACED");
        Api.Reply notDead = owner.post(
                "api/stores/" + store + "/events/deliveries/" + first.getString("id") + "/retry",
                JsonValue.EMPTY_JSON_OBJECT);
        assertThat(notDead.status()).isEqualTo(409);
        assertThat(notDead.json().getString("detail")).contains("DELIVERED");
        assertThat(owner.post(
                                "api/stores/" + store + "/events/deliveries/" + UUID.randomUUID() + "/retry",
                                JsonValue.EMPTY_JSON_OBJECT)
                        .status())
                .isEqualTo(404);
        assertThat(owner.get("api/stores/" + store + "/audit").body()).contains("event.delivery-retried");

        // another store's owner sees nothing of it
        String other = Stores.uniqueSlug("evy");
        Api otherOwner = Stores.onboardAndSignIn(admin, other);
        assertThat(otherOwner
                        .post(
                                "api/stores/" + other + "/events/deliveries/" + first.getString("id") + "/retry",
                                JsonValue.EMPTY_JSON_OBJECT)
                        .status())
                .isEqualTo(404);
        JsonObject stats = admin.get("api/admin/events/stats").json();
        assertThat(stats.getJsonObject("delivery").getJsonNumber("dead").longValue())
                .isPositive();
        assertThat(stats.getJsonObject("delivery").getJsonNumber("lagP99Millis").doubleValue())
                .isPositive();
    }

    @Test
    void a_delivery_whose_node_died_mid_delivery_is_delivered_again_and_takes_effect_once() throws Exception {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String store = Stores.uniqueSlug("evd");
        Api owner = Stores.onboardAndSignIn(admin, store);
        String listener = publishCertifiedListener(dev, admin);
        install(owner, store, listener, Json.createObjectBuilder());
        String order = "order-" + hex();

        Api.Reply died = admin.post(
                "api/test/outbox/stores/" + store + "/events/dead-node",
                request("event-" + hex(), order, 1, "PLACED", false)
                        .add("leaseSeconds", 3)
                        .build());
        assertThat(died.status()).as(died.toString()).isEqualTo(200);
        String delivery = died.json().getJsonArray("deliveries").getString(0);
        assertThat(storage(admin, store, listener))
                .as("the dead node's listener call made the effect")
                .containsEntry("received/" + delivery, "1")
                .containsKey("effect/" + delivery);
        JsonObject held = owner.get("api/stores/" + store + "/events?orderId=" + order)
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(held.getString("status")).isEqualTo("PENDING");

        JsonObject redelivered = awaitStatus(owner, store, delivery, "DELIVERED");
        assertThat(redelivered.getInt("attempts"))
                .as("the dead node's attempt and this node's")
                .isEqualTo(2);
        Map<String, String> storage = storage(admin, store, listener);
        assertThat(storage).containsEntry("received/" + delivery, "2");
        assertThat(storage.get("log/" + order))
                .as("received twice under one event id, the effect made once")
                .isEqualTo("1:PLACED");
    }

    // --- helpers

    private Api anonymous() {
        return Api.anonymous(base);
    }

    private Api admin() {
        return anonymous().withToken(Stores.demoToken("ada"));
    }

    private static String hex() {
        return HexFormat.of()
                .formatHex(java.nio.ByteBuffer.allocate(6)
                        .putInt(ThreadLocalRandom.current().nextInt())
                        .putShort((short) ThreadLocalRandom.current().nextInt())
                        .array());
    }

    /**
     * Publishes the listener bundle under a new listing of dev's and certifies it, so it runs in
     * the platform's JVM (no sandbox worker start inside the listener's deadline on a busy machine);
     * returns its slug.
     */
    private static String publishCertifiedListener(Api dev, Api admin) {
        String[] published = publish(dev, admin);
        Api.Reply certified =
                admin.post("api/admin/marketplace/versions/" + published[1] + "/certify", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
        return published[0];
    }

    /** Publishes the listener bundle under a new listing of dev's (uncertified: sandboxed); returns its slug. */
    private static String publishListener(Api dev, Api admin) {
        return publish(dev, admin)[0];
    }

    /** Publishes the listener bundle under a new listing of dev's; returns its slug and release id. */
    private static String[] publish(Api dev, Api admin) {
        return Marketplace.publishOrderListener(dev, admin, "evt-listener");
    }

    private static void install(Api owner, String store, String slug, JsonObjectBuilder configuration) {
        Marketplace.installListener(owner, store, slug, configuration);
    }

    private static JsonObjectBuilder request(
            String eventId, String order, long sequence, String type, boolean rollback) {
        return Json.createObjectBuilder()
                .add("eventId", eventId)
                .add("orderId", order)
                .add("sequence", sequence)
                .add("type", type)
                .add("rollback", rollback)
                .add("leaseSeconds", 0);
    }

    private static Api.Reply appendReply(
            Api admin, String store, String eventId, String order, long sequence, String type, boolean rollback) {
        return admin.post(
                "api/test/outbox/stores/" + store + "/events",
                request(eventId, order, sequence, type, rollback).build());
    }

    private static JsonObject append(
            Api admin, String store, String order, long sequence, String type, boolean rollback) {
        Api.Reply reply = appendReply(admin, store, "event-" + hex(), order, sequence, type, rollback);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Waits until the order has {@code count} deliveries and none is pending; returns them, newest first. */
    private static JsonArray awaitFinal(Api owner, String store, String order, int count) throws Exception {
        JsonArray items = Poll.until(
                () -> owner.get("api/stores/" + store + "/events?size=200&orderId=" + order)
                        .json()
                        .getJsonArray("items"),
                found -> found.size() == count
                        && found.stream()
                                .noneMatch(d ->
                                        ((JsonObject) d).getString("status").equals("PENDING")),
                WAIT,
                PAUSE);
        assertThat(items).as("deliveries of " + order).hasSize(count);
        assertThat(items.stream().map(d -> ((JsonObject) d).getString("status")))
                .doesNotContain("PENDING");
        return items;
    }

    private static JsonObject awaitStatus(Api owner, String store, String delivery, String status) throws Exception {
        JsonObject found = Poll.until(
                () -> owner.get("api/stores/" + store + "/events?size=200").json().getJsonArray("items").stream()
                        .map(JsonObject.class::cast)
                        .filter(d -> d.getString("id").equals(delivery))
                        .findFirst()
                        .orElseThrow(),
                d -> d.getString("status").equals(status),
                WAIT,
                PAUSE);
        assertThat(found.getString("status")).as(found.toString()).isEqualTo(status);
        return found;
    }

    private static Map<String, String> storage(Api admin, String store, String plugin) {
        JsonObject entries = admin.get("api/test/outbox/stores/" + store + "/storage/" + plugin)
                .json();
        return entries.entrySet().stream()
                .collect(
                        Collectors.toMap(Map.Entry::getKey, e -> ((jakarta.json.JsonString) e.getValue()).getString()));
    }
}
