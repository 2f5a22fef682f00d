package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Shops;
import io.caravan.platform.it.support.Shops.Shop;
import io.caravan.platform.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storefront journey on a real Liberty with the first-party tax, carriers and payments plugins
 * and the sandbox payment gateway: catalogue → checkout → shipping choice → tax → pay → order, the
 * Idempotency-Key, bad input, and one store never reaching another's checkouts and orders.
 */
@ExtendWith(ArquillianExtension.class)
class StorefrontIT extends PlatformIT {

    private static JsonObject quoteOf(Api.Reply reply) {
        return reply.json().getJsonObject("quote");
    }

    private static long total(JsonObject quote) {
        return quote.getJsonObject("totals").getJsonNumber("total").longValue();
    }

    private static JsonObject place(Shop shop, String checkout, String key, long expectedTotal, String token) {
        Api.Reply placed = shop.storefront()
                .withHeader("Idempotency-Key", key)
                .post(
                        shop.path("checkouts/" + checkout + "/orders"),
                        Json.createObjectBuilder()
                                .add("expectedTotal", expectedTotal)
                                .add("paymentToken", token)
                                .build());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json();
    }

    /** Opens a checkout for mugs to Germany and chooses card; returns its id and quote. */
    private static Map.Entry<String, JsonObject> readyCheckout(Shop shop, int mugs) {
        Api.Reply opened = shop.storefront().post(shop.path("checkouts"), Shops.checkout("DE", mugs));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().getString("id");
        Api.Reply card = shop.storefront()
                .put(
                        shop.path("checkouts/" + id + "/payment-method"),
                        Json.createObjectBuilder().add("methodCode", "card").build());
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        assertThat(quoteOf(card).getBoolean("placeable"))
                .as(quoteOf(card).toString())
                .isTrue();
        return Map.entry(id, quoteOf(card));
    }

    @Test
    void a_shopper_buys_mugs_priced_from_the_catalogue_shipped_taxed_and_paid_once() {
        Api admin = admin();
        Shop shop = Shops.open(admin, base, "buy", null);

        // the storefront sends SKUs and quantities only: the platform prices them from its catalogue
        Api.Reply opened = shop.storefront().post(shop.path("checkouts"), Shops.checkout("DE", 2));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String checkout = opened.json().getString("id");
        JsonObject quote = quoteOf(opened);
        JsonObject line = quote.getJsonArray("lines").getJsonObject(0);
        assertThat(line.getString("sku")).isEqualTo(Shops.MUG);
        assertThat(line.getJsonNumber("unitPrice").longValue()).isEqualTo(Shops.MUG_PRICE);
        assertThat(line.getJsonNumber("amount").longValue()).isEqualTo(2 * Shops.MUG_PRICE);

        // stock in Rotterdam (priority 1) ships it; the carriers plugin quotes its services
        JsonObject consignment = quote.getJsonArray("consignments").getJsonObject(0);
        assertThat(quote.getJsonArray("consignments")).hasSize(1);
        assertThat(consignment.getString("warehouseCode")).isEqualTo("rotterdam");
        assertThat(consignment.getString("chosenBy")).isEqualTo("default: cheapest");
        List<JsonObject> options = consignment.getJsonArray("options").getValuesAs(JsonObject.class);
        assertThat(options).hasSizeGreaterThanOrEqualTo(2);
        assertThat(options)
                .allSatisfy(o -> assertThat(o.getJsonObject("producer").getString("pluginId"))
                        .isEqualTo("caravan-carriers"));
        assertThat(consignment.getString("chosenOptionId"))
                .isEqualTo(options.get(0).getString("optionId"));

        // the tax plugin answered on the lines and shipping, and says who it is
        JsonObject tax = quote.getJsonObject("tax");
        assertThat(tax.getString("status")).as(tax.toString()).isEqualTo("ANSWERED");
        assertThat(tax.getJsonObject("producer").getString("pluginId")).isEqualTo("caravan-tax");
        assertThat(line.getJsonNumber("tax").longValue()).isPositive();

        // card from the payments plugin; no method chosen yet, so no order yet
        List<JsonObject> methods = quote.getJsonArray("paymentMethods").getValuesAs(JsonObject.class);
        JsonObject card = methods.stream()
                .filter(m -> m.getString("methodCode").equals("card"))
                .findFirst()
                .orElseThrow();
        assertThat(card.getJsonArray("providers").getJsonObject(0).getString("installationId"))
                .isEqualTo(shop.paymentsInstallation());
        assertThat(quote.getBoolean("placeable")).isFalse();
        assertThat(quote.getJsonArray("blockers").getString(0)).contains("payment method");

        // the shopper picks the dearest service: the totals follow, and the quote says the shopper chose
        JsonObject express = options.get(options.size() - 1);
        Api.Reply shipped = shop.storefront()
                .put(
                        shop.path("checkouts/" + checkout + "/shipping"),
                        Json.createObjectBuilder()
                                .add(
                                        "choices",
                                        Json.createObjectBuilder()
                                                .add(
                                                        consignment.getString("consignmentId"),
                                                        express.getString("optionId")))
                                .build());
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        JsonObject totals = quoteOf(shipped).getJsonObject("totals");
        assertThat(totals.getJsonNumber("shipping").longValue())
                .isEqualTo(express.getJsonNumber("price").longValue());
        assertThat(quoteOf(shipped)
                        .getJsonArray("consignments")
                        .getJsonObject(0)
                        .getString("chosenBy"))
                .isEqualTo("shopper");
        // the display currency comes with the rate that made it
        JsonObject display = quoteOf(shipped).getJsonObject("display");
        assertThat(display.getString("currency")).isEqualTo("USD");
        assertThat(display.getString("rate")).isNotBlank();
        assertThat(display.getString("rateSource")).isNotBlank();

        Api.Reply withCard = shop.storefront()
                .put(
                        shop.path("checkouts/" + checkout + "/payment-method"),
                        Json.createObjectBuilder().add("methodCode", "card").build());
        JsonObject ready = quoteOf(withCard);
        assertThat(ready.getBoolean("placeable")).as(ready.toString()).isTrue();
        long total = total(ready);
        JsonObject t = ready.getJsonObject("totals");
        // prices include tax in this store: the total is goods + shipping + fees (+ duties at checkout)
        assertThat(total)
                .isEqualTo(t.getJsonNumber("subtotal").longValue()
                        + t.getJsonNumber("shipping").longValue()
                        + t.getJsonNumber("fees").longValue()
                        + t.getJsonNumber("duties").longValue());

        // a stale total is refused and nothing is placed
        Api.Reply stale = shop.storefront()
                .withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post(
                        shop.path("checkouts/" + checkout + "/orders"),
                        Json.createObjectBuilder()
                                .add("expectedTotal", total - 1)
                                .add("paymentToken", "tok_success")
                                .build());
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().getString("type")).endsWith("/checkout-changed");
        assertThat(shop.owner()
                        .get(shop.path("orders"))
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isZero();

        String key = UUID.randomUUID().toString();
        JsonObject placed = place(shop, checkout, key, total, "tok_success");
        assertThat(placed.getString("paymentStatus")).isEqualTo("PAID");
        assertThat(placed.getString("fulfilmentStatus")).isEqualTo("RELEASED");
        String order = placed.getString("orderId");

        // the provider charged exactly once, the amount of the order
        assertThat(Shops.ledger(shop, "authorization"))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.getJsonNumber("amount").longValue()).isEqualTo(total));
        assertThat(Shops.ledger(shop, "capture")).hasSize(1);

        // the same key and body: the same answer, no second order or charge
        Api.Reply again = shop.storefront()
                .withHeader("Idempotency-Key", key)
                .post(
                        shop.path("checkouts/" + checkout + "/orders"),
                        Json.createObjectBuilder()
                                .add("expectedTotal", total)
                                .add("paymentToken", "tok_success")
                                .build());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(placed);
        Api.Reply reused = shop.storefront()
                .withHeader("Idempotency-Key", key)
                .post(
                        shop.path("checkouts/" + checkout + "/orders"),
                        Json.createObjectBuilder()
                                .add("expectedTotal", total + 1)
                                .add("paymentToken", "tok_success")
                                .build());
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.json().getString("type")).endsWith("/idempotency-key-reused");
        assertThat(Shops.ledger(shop, "authorization")).hasSize(1);

        // the merchant sees the order with its snapshot, payment amounts and history
        JsonObject detail = shop.owner().get(shop.path("orders/" + order)).json();
        assertThat(detail.getJsonObject("order").getString("paymentStatus")).isEqualTo("PAID");
        assertThat(detail.getJsonObject("snapshot")
                        .getJsonObject("totals")
                        .getJsonNumber("total")
                        .longValue())
                .isEqualTo(total);
        JsonObject payment = detail.getJsonArray("payments").getJsonObject(0);
        assertThat(payment.getJsonNumber("captured").longValue()).isEqualTo(total);
        assertThat(payment.getJsonNumber("authorized").longValue()).isZero();
        assertThat(payment.getString("pluginId")).isEqualTo("caravan-payments");
        assertThat(detail.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                        .map(h -> h.getString("kind"))
                        .toList())
                .containsSubsequence(
                        "PLACED",
                        "PAYMENT_ATTEMPT",
                        "PAYMENT_AUTHORIZED",
                        "RELEASED",
                        "CAPTURE_REQUESTED",
                        "PAYMENT_CAPTURED");
        assertThat(shop.owner()
                        .get(shop.path("orders?paymentStatus=PAID"))
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isEqualTo(1);

        // the stock is held for the order: 2 of Rotterdam's 5 reserved
        JsonObject stock =
                shop.owner().get(shop.path("stock/rotterdam/" + Shops.MUG)).json();
        assertThat(stock.getJsonNumber("reserved").longValue()).isEqualTo(2);
        assertThat(stock.getJsonNumber("available").longValue()).isEqualTo(3);

        // a placed checkout takes no more changes
        Api.Reply closed = shop.storefront()
                .put(
                        shop.path("checkouts/" + checkout + "/payment-method"),
                        Json.createObjectBuilder().add("methodCode", "card").build());
        assertThat(closed.status()).isEqualTo(409);

        // the provider's webhooks for this payment change nothing more; a forged one is refused
        Api.Reply forged = Api.anonymous(base)
                .send(
                        "POST",
                        "api/stores/" + shop.slug() + "/payment-notifications/" + shop.paymentsInstallation(),
                        "{\"id\":\"evt_forged\",\"type\":\"refund.succeeded\",\"data\":{\"payment_id\":\""
                                + payment.getString("providerReference") + "\",\"amount\":" + total
                                + ",\"currency\":\"EUR\"}}");
        assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
        assertThat(forged.json().getString("type")).endsWith("/signature-not-verified");
        JsonObject after = shop.owner().get(shop.path("orders/" + order)).json();
        assertThat(after.getJsonArray("payments")
                        .getJsonObject(0)
                        .getJsonNumber("refunded")
                        .longValue())
                .isZero();
        assertThat(after.getJsonObject("order").getString("paymentStatus")).isEqualTo("PAID");
    }

    @Test
    void ten_placements_with_one_key_at_once_make_one_order_and_one_charge() throws Exception {
        Shop shop = Shops.open(admin(), base, "tenx", null);
        Map.Entry<String, JsonObject> ready = readyCheckout(shop, 1);
        String key = UUID.randomUUID().toString();
        long total = total(ready.getValue());
        CyclicBarrier start = new CyclicBarrier(10);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Callable<Api.Reply> place = () -> {
                    start.await();
                    return shop.storefront()
                            .withHeader("Idempotency-Key", key)
                            .post(
                                    shop.path("checkouts/" + ready.getKey() + "/orders"),
                                    Json.createObjectBuilder()
                                            .add("expectedTotal", total)
                                            .add("paymentToken", "tok_success")
                                            .build());
                };
                replies.add(pool.submit(place));
            }
            Set<String> orders = new HashSet<>();
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                orders.add(r.json().getString("orderId"));
            }
            assertThat(orders).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(shop.owner()
                        .get(shop.path("orders"))
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isEqualTo(1);
        assertThat(Shops.ledger(shop, "authorization")).hasSize(1);
    }

    @Test
    void bad_input_gets_a_problem_naming_the_field_and_changes_nothing() {
        Shop shop = Shops.open(admin(), base, "bad", null);
        Api storefront = shop.storefront();

        Api.Reply unknown =
                storefront.post(shop.path("checkouts"), Shops.checkout("DE", List.of(Map.entry("NO-SUCH-MUG", 1))));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("lines[0].sku");

        Api.Reply negative =
                storefront.post(shop.path("checkouts"), Shops.checkout("DE", List.of(Map.entry(Shops.MUG, -2))));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(fields(negative)).containsExactly("lines[0].quantity");

        Api.Reply tooMany =
                storefront.post(shop.path("checkouts"), Shops.checkout("DE", List.of(Map.entry(Shops.MUG, 60))));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.json().getString("type")).endsWith("/out-of-stock");
        assertThat(fields(tooMany)).containsExactly("lines[0].quantity");

        JsonArrayBuilder tenThousand = Json.createArrayBuilder();
        for (int i = 0; i < 10_000; i++) {
            tenThousand.add(Json.createObjectBuilder().add("sku", "SKU-" + i).add("quantity", 1));
        }
        JsonObject huge = Json.createObjectBuilder(Shops.checkout("DE", 1))
                .add("lines", tenThousand)
                .build();
        Api.Reply big = storefront.post(shop.path("checkouts"), huge);
        assertThat(big.status()).as(big.toString()).isEqualTo(400);
        assertThat(fields(big)).containsExactly("lines");

        Api.Reply overflow = storefront.send(
                "POST",
                shop.path("checkouts"),
                Shops.checkout("DE", 1).toString().replace("\"quantity\":1", "\"quantity\":99999999999999999999"));
        assertThat(overflow.status()).as(overflow.toString()).isIn(400);
        assertThat(overflow.isProblem()).isTrue();

        Api.Reply notSold = storefront.post(shop.path("checkouts"), Shops.checkout("JP", 1));
        assertThat(notSold.status()).isEqualTo(400);
        assertThat(fields(notSold)).contains("shipTo.country");

        // nothing was reserved or created by any of it
        JsonObject stock =
                shop.owner().get(shop.path("stock/rotterdam/" + Shops.MUG)).json();
        assertThat(stock.getJsonNumber("reserved").longValue()).isZero();

        // placing without a key, or with a method the checkout does not offer, is refused
        Map.Entry<String, JsonObject> ready = readyCheckout(shop, 1);
        Api.Reply noKey = storefront.post(
                shop.path("checkouts/" + ready.getKey() + "/orders"),
                Json.createObjectBuilder()
                        .add("expectedTotal", total(ready.getValue()))
                        .build());
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().getString("detail")).contains("Idempotency-Key");
        Api.Reply pix = storefront.put(
                shop.path("checkouts/" + ready.getKey() + "/payment-method"),
                Json.createObjectBuilder().add("methodCode", "pix").build());
        assertThat(pix.status()).isEqualTo(400);
        assertThat(fields(pix)).containsExactly("paymentMethod");
        assertThat(shop.owner()
                        .get(shop.path("orders"))
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isZero();
    }

    @Test
    void a_decline_at_the_only_provider_cancels_the_order_releases_the_stock_and_reopens_the_checkout() {
        Shop shop = Shops.open(admin(), base, "decl", "tok_insufficient_funds");
        Map.Entry<String, JsonObject> ready = readyCheckout(shop, 1);
        Api.Reply declined = shop.storefront()
                .withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post(
                        shop.path("checkouts/" + ready.getKey() + "/orders"),
                        Json.createObjectBuilder()
                                .add("expectedTotal", total(ready.getValue()))
                                .add("paymentToken", "tok_success")
                                .build());
        assertThat(declined.status()).as(declined.toString()).isEqualTo(402);
        assertThat(declined.json().getString("type")).endsWith("/payment-declined");
        assertThat(declined.json().getString("declineCategory")).isEqualTo("SOFT");
        String order = declined.json().getString("orderId");
        JsonObject detail = shop.owner().get(shop.path("orders/" + order)).json();
        assertThat(detail.getJsonObject("order").getString("status")).isEqualTo("CANCELLED");
        assertThat(shop.owner()
                        .get(shop.path("stock/rotterdam/" + Shops.MUG))
                        .json()
                        .getJsonNumber("reserved")
                        .longValue())
                .isZero();
        assertThat(shop.storefront()
                        .get(shop.path("checkouts/" + ready.getKey()))
                        .json()
                        .getString("status"))
                .isEqualTo("OPEN");
        assertThat(Shops.ledger(shop, "authorization")).isEmpty();
    }

    @Test
    void a_timeout_is_an_unknown_outcome_resolved_by_the_providers_answer_with_exactly_one_charge() throws Exception {
        Shops.send("POST", Shops.SandboxGateway.url() + "/test/config", "{\"timeout_hold_ms\":6000}");
        try {
            Shop shop = Shops.open(admin(), base, "slow", "tok_timeout_charge");
            Map.Entry<String, JsonObject> ready = readyCheckout(shop, 1);
            JsonObject placed =
                    place(shop, ready.getKey(), UUID.randomUUID().toString(), total(ready.getValue()), "tok_success");
            // the plugin gave up after 4 s: the platform does not know, and tries no one else
            assertThat(placed.getString("attempt")).isEqualTo("UNKNOWN");
            assertThat(placed.getString("paymentStatus")).isEqualTo("PENDING");
            String order = placed.getString("orderId");
            // the gateway charges at 6 s; the resolver asks by the platform's key and records it
            JsonObject resolved = Poll.until(
                    () -> shop.owner().get(shop.path("orders/" + order)).json(),
                    d -> d.getJsonObject("order").getString("paymentStatus").equals("PAID"),
                    Duration.ofSeconds(60),
                    Duration.ofMillis(500));
            assertThat(resolved.getJsonArray("payments")).hasSize(1);
            assertThat(Shops.ledger(shop, "authorization")).hasSize(1);
            assertThat(resolved.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                            .map(h -> h.getString("kind"))
                            .collect(Collectors.toList()))
                    .contains("PAYMENT_UNKNOWN", "PAYMENT_AUTHORIZED", "RELEASED");
        } finally {
            Shops.send("POST", Shops.SandboxGateway.url() + "/test/config", "{\"timeout_hold_ms\":30000}");
        }
    }

    @Test
    void one_store_never_reaches_another_stores_checkouts_and_orders() {
        Api admin = admin();
        Shop a = Shops.open(admin, base, "iso-a", null);
        Shop b = Shops.open(admin, base, "iso-b", null);
        Map.Entry<String, JsonObject> ready = readyCheckout(a, 1);
        JsonObject placed =
                place(a, ready.getKey(), UUID.randomUUID().toString(), total(ready.getValue()), "tok_success");
        String order = placed.getString("orderId");

        // B's key on A's store: not a credential there
        assertThat(b.storefront().get(a.path("checkouts/" + ready.getKey())).status())
                .isEqualTo(401);
        // B's own store does not have A's checkout or order, by id
        assertThat(b.storefront().get(b.path("checkouts/" + ready.getKey())).status())
                .isEqualTo(404);
        assertThat(b.owner().get(b.path("orders/" + order)).status()).isEqualTo(404);
        assertThat(b.owner().get(b.path("orders")).json().getJsonNumber("total").longValue())
                .isZero();
        assertThat(b.owner()
                        .post(
                                b.path("orders/" + order + "/cancel"),
                                Json.createObjectBuilder().add("reason", "x").build())
                        .status())
                .isEqualTo(404);
        // B's owner on A's store: not a member
        assertThat(b.owner().get(a.path("orders/" + order)).status()).isEqualTo(403);
        // A's payments notifications address does not exist in B's store
        Api.Reply crossed = Api.anonymous(base)
                .send("POST", "api/stores/" + b.slug() + "/payment-notifications/" + a.paymentsInstallation(), "{}");
        assertThat(crossed.status()).isEqualTo(404);
        // and A's order is as it was
        assertThat(a.owner()
                        .get(a.path("orders/" + order))
                        .json()
                        .getJsonObject("order")
                        .getString("paymentStatus"))
                .isEqualTo("PAID");
    }

    private static List<String> fields(Api.Reply reply) {
        if (!reply.json().containsKey("errors")) {
            return List.of();
        }
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
    }
}
