package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Shops;
import io.caravan.platform.it.support.Shops.SecondProvider;
import io.caravan.platform.it.support.Shops.Shop;
import io.caravan.platform.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments across two real providers on a real Liberty: the first-party payments plugin at the
 * sandbox gateway's {@code acme} (provider A, certified, in the platform) and the payments-b test
 * bundle at {@code zenpay} (provider B, uploaded by a developer, approved, run uncertified in a
 * sandbox worker), routed "card: A then B" by the store's rule. Every "exactly one charge" is read
 * from the gateway's own ledger, never from the platform's word.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentFailoverIT extends PlatformIT {
    private static final Duration RESOLVED_WITHIN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Longer than the plugin's 4 s acquirer timeout (Shops.payments), so the plugin gives up first. */
    private static final int HOLD_MS = 6000;
    /** The gateway's own default, restored after a test that shortened it. */
    private static final int DEFAULT_HOLD_MS = 30000;

    // ---------------------------------------------------------------- 1. decline at A → B charges once

    @Test
    void a_soft_decline_at_provider_a_fails_over_to_provider_b_which_charges_exactly_once() throws Exception {
        Shop shop = Shops.open(admin(), base, "fo-decl", "tok_do_not_honour");
        SecondProvider b = Shops.secondProvider(admin(), base, shop, null);
        Shops.routeCards(shop, shop.paymentsInstallation(), b.installationId());

        Ready ready = readyCheckout(shop, 1);
        // the quote names both providers for card, in the store's order
        assertThat(cardProviders(ready.quote()))
                .as(
                        "%s%nanswering: %s",
                        ready.quote(), shop.owner().get(shop.path("answering")).body())
                .containsExactly(shop.paymentsInstallation(), b.installationId());

        JsonObject placed = placed(place(shop, ready, "tok_success", null));
        assertThat(placed.getString("paymentStatus")).as(placed.toString()).isEqualTo("PAID");
        assertThat(placed.getString("attempt")).isEqualTo("AUTHORIZED");

        // the providers' own books: A authorised nothing, B exactly one charge of the order's total
        assertThat(Shops.ledger(shop, "authorization")).isEmpty();
        assertThat(Shops.ledger(shop, "capture")).isEmpty();
        assertThat(Shops.ledger(b, "authorization"))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.getJsonNumber("amount").longValue()).isEqualTo(ready.total()));
        assertThat(Shops.ledger(b, "capture")).hasSize(1);

        JsonObject detail = detail(shop, placed.getString("orderId"));
        List<JsonObject> payments = payments(detail);
        assertThat(payments).hasSize(2);
        JsonObject atA = payments.get(0);
        assertThat(atA.getInt("attempt")).isEqualTo(1);
        assertThat(atA.getString("installationId")).isEqualTo(shop.paymentsInstallation());
        assertThat(atA.getString("outcome")).isEqualTo("DECLINED");
        assertThat(atA.getString("declineCategory")).isEqualTo("SOFT");
        assertThat(atA.getJsonNumber("authorized").longValue()).isZero();
        assertThat(atA.getJsonNumber("captured").longValue()).isZero();
        JsonObject atB = payments.get(1);
        assertThat(atB.getInt("attempt")).isEqualTo(2);
        assertThat(atB.getString("installationId")).isEqualTo(b.installationId());
        assertThat(atB.getString("pluginId")).isEqualTo(b.pluginId());
        assertThat(atB.getString("outcome")).isEqualTo("AUTHORIZED");
        assertThat(atB.getJsonNumber("captured").longValue()).isEqualTo(ready.total());
        // the attempts have their own keys: B never saw A's
        assertThat(atB.getString("id")).isNotEqualTo(atA.getString("id"));

        assertThat(historyKinds(detail))
                .containsSubsequence(
                        "PLACED",
                        "PAYMENT_ATTEMPT",
                        "PAYMENT_DECLINED",
                        "PAYMENT_ATTEMPT",
                        "PAYMENT_AUTHORIZED",
                        "PAYMENT_CAPTURED");
        assertThat(historyKinds(detail)).contains("RELEASED");
        assertThat(history(detail, "PAYMENT_DECLINED")).contains("SOFT");
        assertThat(history(detail, "PAYMENT_ATTEMPT")).contains(b.pluginId());
    }

    // ---------------------------------------------------------------- 2. timeout at A: unknown, B not tried

    @Test
    void a_timeout_at_provider_a_is_unknown_b_is_never_tried_and_the_resolver_finds_the_one_charge_at_a()
            throws Exception {
        Shops.gatewayConfig("{\"timeout_hold_ms\":" + HOLD_MS + "}");
        try {
            Shop shop = Shops.open(admin(), base, "fo-slow", "tok_timeout_charge");
            SecondProvider b = Shops.secondProvider(admin(), base, shop, null);
            Shops.routeCards(shop, shop.paymentsInstallation(), b.installationId());
            Ready ready = readyCheckout(shop, 1);

            JsonObject placed = placed(place(shop, ready, "tok_success", null));
            assertThat(placed.getString("attempt")).as(placed.toString()).isEqualTo("UNKNOWN");
            assertThat(placed.getString("paymentStatus")).isEqualTo("PENDING");
            String order = placed.getString("orderId");
            // while A's outcome is unknown, B is not asked: nothing at B, one attempt only
            assertThat(Shops.ledger(b, "authorization")).isEmpty();
            assertThat(payments(detail(shop, order))).hasSize(1);
            // nor can the merchant cancel it away meanwhile (it may have been charged)
            Api.Reply early = shop.owner()
                    .post(
                            shop.path("orders/" + order + "/cancel"),
                            Json.createObjectBuilder()
                                    .add("reason", "changed my mind")
                                    .build());
            assertThat(early.status()).as(early.toString()).isEqualTo(409);
            assertThat(payments(detail(shop, order)).get(0).getString("outcome"))
                    .isEqualTo("UNKNOWN");

            JsonObject resolved =
                    Poll.until(() -> detail(shop, order), d -> paymentStatus(d).equals("PAID"), RESOLVED_WITHIN, POLL);
            assertThat(payments(resolved)).singleElement().satisfies(p -> {
                assertThat(p.getString("installationId")).isEqualTo(shop.paymentsInstallation());
                assertThat(p.getString("outcome")).isEqualTo("AUTHORIZED");
                assertThat(p.getJsonNumber("captured").longValue()).isEqualTo(ready.total());
            });
            assertThat(Shops.ledger(shop, "authorization"))
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.getJsonNumber("amount").longValue()).isEqualTo(ready.total()));
            assertThat(Shops.ledger(b, "authorization")).isEmpty();
            assertThat(historyKinds(resolved))
                    .containsSubsequence("PAYMENT_ATTEMPT", "PAYMENT_UNKNOWN", "PAYMENT_AUTHORIZED", "RELEASED");
            assertThat(historyKinds(resolved).stream()
                            .filter("PAYMENT_ATTEMPT"::equals)
                            .count())
                    .isEqualTo(1);
        } finally {
            Shops.gatewayConfig("{\"timeout_hold_ms\":" + DEFAULT_HOLD_MS + "}");
        }
    }

    @Test
    void a_timeout_at_provider_a_that_never_charged_resolves_as_not_attempted_cancels_and_releases_the_stock()
            throws Exception {
        Shops.gatewayConfig("{\"timeout_hold_ms\":" + HOLD_MS + "}");
        try {
            Shop shop = Shops.open(admin(), base, "fo-nochg", "tok_timeout_no_charge");
            SecondProvider b = Shops.secondProvider(admin(), base, shop, null);
            Shops.routeCards(shop, shop.paymentsInstallation(), b.installationId());
            Ready ready = readyCheckout(shop, 2);

            JsonObject placed = placed(place(shop, ready, "tok_success", null));
            assertThat(placed.getString("attempt")).as(placed.toString()).isEqualTo("UNKNOWN");
            String order = placed.getString("orderId");
            assertThat(reserved(shop)).isEqualTo(2);

            JsonObject resolved = Poll.until(
                    () -> detail(shop, order),
                    d -> d.getJsonObject("order").getString("status").equals("CANCELLED"),
                    RESOLVED_WITHIN,
                    POLL);
            assertThat(payments(resolved))
                    .singleElement()
                    .satisfies(p -> assertThat(p.getString("outcome")).isEqualTo("NOT_ATTEMPTED"));
            assertThat(historyKinds(resolved)).containsSubsequence("PAYMENT_UNKNOWN", "PAYMENT_NOT_ATTEMPTED");
            assertThat(reserved(shop)).isZero();
            // the shopper may pay again (at B, say): the checkout is open once more
            assertThat(shop.storefront()
                            .get(shop.path("checkouts/" + ready.checkout()))
                            .json()
                            .getString("status"))
                    .isEqualTo("OPEN");
            // nobody took money: not A (it never saw the key), not B (never tried after the placement)
            assertThat(Shops.ledger(shop, "authorization")).isEmpty();
            assertThat(Shops.ledger(b, "authorization")).isEmpty();
        } finally {
            Shops.gatewayConfig("{\"timeout_hold_ms\":" + DEFAULT_HOLD_MS + "}");
        }
    }

    // ---------------------------------------------------------------- 3. charged, answer lost

    @Test
    void a_charge_whose_answer_was_lost_is_resolved_by_a_status_query_with_exactly_one_charge() throws Exception {
        Shop shop = Shops.open(admin(), base, "fo-lost", "tok_lost_answer");
        SecondProvider b = Shops.secondProvider(admin(), base, shop, null);
        Shops.routeCards(shop, shop.paymentsInstallation(), b.installationId());
        Ready ready = readyCheckout(shop, 1);

        JsonObject placed = placed(place(shop, ready, "tok_success", null));
        assertThat(placed.getString("attempt")).as(placed.toString()).isEqualTo("UNKNOWN");
        String order = placed.getString("orderId");
        assertThat(Shops.ledger(b, "authorization")).isEmpty();

        JsonObject resolved =
                Poll.until(() -> detail(shop, order), d -> paymentStatus(d).equals("PAID"), RESOLVED_WITHIN, POLL);
        assertThat(payments(resolved)).singleElement().satisfies(p -> {
            assertThat(p.getString("outcome")).isEqualTo("AUTHORIZED");
            assertThat(p.getString("providerReference")).isNotBlank();
        });
        assertThat(historyKinds(resolved)).containsSubsequence("PAYMENT_UNKNOWN", "PAYMENT_AUTHORIZED");
        assertThat(history(resolved, "PAYMENT_AUTHORIZED")).isNotBlank();
        assertThat(Shops.ledger(shop, "authorization")).hasSize(1);
        assertThat(Shops.ledger(shop, "capture")).hasSize(1);
        assertThat(Shops.ledger(b, "authorization")).isEmpty();
    }

    // ---------------------------------------------------------------- 4. notifications

    @Test
    void a_replayed_real_webhook_is_a_duplicate_and_forged_ones_are_refused_changing_nothing() throws Exception {
        Shop shop = Shops.open(admin(), base, "fo-hook", null);
        Ready ready = readyCheckout(shop, 1);
        JsonObject placed = placed(place(shop, ready, "tok_success", null));
        String order = placed.getString("orderId");
        String reference = payments(detail(shop, order)).get(0).getString("providerReference");

        // the gateway's own webhooks reached the installation's address and were answered 2xx
        JsonObject authorized = Poll.until(
                () -> Shops.webhooks(shop.provider(), shop.accountId()).stream()
                        .filter(e -> e.getString("type").equals("payment.captured"))
                        .filter(e -> e.getBoolean("delivered"))
                        .findFirst()
                        .orElse(null),
                e -> e != null,
                RESOLVED_WITHIN,
                POLL);
        assertThat(authorized.getString("url"))
                .isEqualTo(Shops.notificationUrl(base, shop.slug(), shop.paymentsInstallation()));
        JsonObject before = detail(shop, order);
        long appliedBefore = appliedUpdates(before);

        for (JsonObject event : Shops.webhooks(shop.provider(), shop.accountId())) {
            JsonObject replayed = Shops.replay(shop.provider(), event.getString("id"));
            assertThat(replayed.getInt("status")).as(replayed.toString()).isEqualTo(200);
            JsonObject receipt = Shops.json(replayed.getString("body"));
            assertThat(receipt.getInt("applied")).as(event.getString("type")).isZero();
            assertThat(receipt.getInt("duplicates")).as(event.getString("type")).isPositive();
        }
        String capturedEvent = Shops.webhook(shop.provider(), shop.accountId(), "payment.captured", reference)
                .getString("id");
        for (String mode : List.of("wrong_secret", "tampered", "stale", "unsigned")) {
            JsonObject forged = Shops.forge(shop.provider(), capturedEvent, mode);
            assertThat(forged.getInt("status")).as(mode + ": " + forged).isEqualTo(401);
            assertThat(Shops.json(forged.getString("body")).getString("type")).endsWith("/signature-not-verified");
        }

        JsonObject after = detail(shop, order);
        assertThat(payments(after)).isEqualTo(payments(before));
        assertThat(after.getJsonObject("order")).isEqualTo(before.getJsonObject("order"));
        // a replay leaves no new applied update; forgeries leave no trace at all
        assertThat(appliedUpdates(after)).isEqualTo(appliedBefore);
        assertThat(Shops.ledger(shop, "authorization")).hasSize(1);
        assertThat(Shops.ledger(shop, "capture")).hasSize(1);
        assertThat(Shops.ledger(shop, "refund")).isEmpty();
    }

    @Test
    void a_correctly_signed_notification_about_another_installations_payment_changes_nothing() throws Exception {
        Shop shop = Shops.open(admin(), base, "fo-cross", "tok_do_not_honour");
        SecondProvider b = Shops.secondProvider(admin(), base, shop, null);
        Shops.routeCards(shop, shop.paymentsInstallation(), b.installationId());
        Ready ready = readyCheckout(shop, 1);
        JsonObject placed = placed(place(shop, ready, "tok_success", null));
        assertThat(placed.getString("paymentStatus")).isEqualTo("PAID");
        String order = placed.getString("orderId");
        String atB = payments(detail(shop, order)).get(1).getString("providerReference");

        // B's real event: its captured webhook, as B's gateway sent it to B's address
        JsonObject captured = Poll.until(
                () -> Shops.webhooks(b.provider(), b.accountId()).stream()
                        .filter(e -> e.getString("type").equals("payment.captured"))
                        .findFirst()
                        .orElse(null),
                e -> e != null,
                RESOLVED_WITHIN,
                POLL);
        assertThat(captured.getJsonObject("body").getJsonObject("data").getString("payment_id"))
                .isEqualTo(atB);
        String bytes = captured.getJsonObject("body").toString();
        String atAsAddress = Shops.notificationUrl(base, shop.slug(), shop.paymentsInstallation());
        JsonObject before = detail(shop, order);

        // signed with B's secret: A's plugin cannot verify it
        HttpResponse<String> bSigned =
                Shops.deliverSigned(atAsAddress, bytes, (String) b.account().get("webhook_secret"));
        assertThat(bSigned.statusCode()).as(bSigned.body()).isEqualTo(401);
        // signed with A's own secret (a leaked or shared one): verified, but the payment is not A's
        HttpResponse<String> aSigned =
                Shops.deliverSigned(atAsAddress, bytes, (String) shop.account().get("webhook_secret"));
        assertThat(aSigned.statusCode()).as(aSigned.body()).isEqualTo(200);
        JsonObject receipt = Shops.json(aSigned.body());
        assertThat(receipt.getInt("applied")).isZero();
        assertThat(receipt.getInt("refused")).isPositive();
        // a refund event for B's payment, signed for A: the same
        JsonObject refund = Json.createObjectBuilder(captured.getJsonObject("body"))
                .add("id", "evt_cross_" + UUID.randomUUID())
                .add("type", "refund.succeeded")
                .build();
        HttpResponse<String> refundAtA = Shops.deliverSigned(
                atAsAddress, refund.toString(), (String) shop.account().get("webhook_secret"));
        assertThat(refundAtA.statusCode()).as(refundAtA.body()).isEqualTo(200);
        assertThat(Shops.json(refundAtA.body()).getInt("applied")).isZero();

        JsonObject after = detail(shop, order);
        assertThat(payments(after)).isEqualTo(payments(before));
        assertThat(after.getJsonObject("order")).isEqualTo(before.getJsonObject("order"));
        assertThat(Shops.ledger(b, "authorization")).hasSize(1);
        assertThat(Shops.ledger(b, "refund")).isEmpty();
    }

    @Test
    void a_3ds_payment_becomes_paid_through_the_webhook_and_a_later_resume_counts_the_money_once() throws Exception {
        Shop shop = Shops.open(admin(), base, "fo-3dsw", null);
        Ready ready = readyCheckout(shop, 1);
        JsonObject placed = placed(place(shop, ready, "tok_3ds", "https://shop.example/return"));
        assertThat(placed.getString("attempt")).as(placed.toString()).isEqualTo("ACTION_REQUIRED");
        assertThat(placed.getJsonObject("action").getString("type")).isEqualTo("REDIRECT");
        assertThat(placed.getJsonObject("action").getString("url")).contains("/hosted/3ds/");
        String order = placed.getString("orderId");
        String reference = payments(detail(shop, order)).get(0).getString("providerReference");
        assertThat(Shops.ledger(shop, "authorization")).isEmpty();

        Shops.completeThreeDs(shop.provider(), reference, "authenticate");
        // the gateway's payment.authorized webhook, not the storefront, finishes it
        JsonObject paid =
                Poll.until(() -> detail(shop, order), d -> paymentStatus(d).equals("PAID"), RESOLVED_WITHIN, POLL);
        assertThat(paid.getJsonArray("providerUpdates").getValuesAs(JsonObject.class))
                .anySatisfy(u -> {
                    assertThat(u.getString("type")).isEqualTo("AUTHORIZED");
                    assertThat(u.getBoolean("applied")).isTrue();
                });

        // the shopper comes back afterwards: the resume changes nothing
        Api.Reply resumed = resume(shop, ready, reference);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().getString("paymentStatus")).isEqualTo("PAID");

        JsonObject after = detail(shop, order);
        assertThat(payments(after)).singleElement().satisfies(p -> {
            assertThat(p.getJsonNumber("captured").longValue()).isEqualTo(ready.total());
            assertThat(p.getJsonNumber("authorized").longValue()).isZero();
        });
        assertThat(historyKinds(after).stream()
                        .filter("PAYMENT_AUTHORIZED"::equals)
                        .count())
                .isEqualTo(1);
        assertThat(Shops.ledger(shop, "authorization")).hasSize(1);
        assertThat(Shops.ledger(shop, "capture")).hasSize(1);
    }

    @Test
    void a_3ds_payment_becomes_paid_through_resume_and_the_late_webhook_counts_the_money_once() throws Exception {
        Api admin = admin();
        Shop shop = Shops.open(admin, base, "fo-3dsr", null);
        // no notification address: the gateway has nowhere to send this payment's webhooks yet
        Shops.configure(admin, shop.slug(), "caravan-payments", Shops.payments(shop.provider(), shop.account(), null));
        Ready ready = readyCheckout(shop, 1);
        JsonObject placed = placed(place(shop, ready, "tok_3ds", "https://shop.example/return"));
        assertThat(placed.getString("attempt")).as(placed.toString()).isEqualTo("ACTION_REQUIRED");
        String order = placed.getString("orderId");
        String reference = payments(detail(shop, order)).get(0).getString("providerReference");

        Shops.completeThreeDs(shop.provider(), reference, "authenticate");
        Api.Reply resumed = resume(shop, ready, reference);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().getString("paymentStatus")).isEqualTo("PAID");
        assertThat(resumed.json().getString("attempt")).isEqualTo("AUTHORIZED");
        // a second resume changes nothing
        assertThat(resume(shop, ready, reference).json().getString("paymentStatus"))
                .isEqualTo("PAID");

        // now the provider's real events arrive after all (as a retry would bring them), signed as it signs
        String address = Shops.notificationUrl(base, shop.slug(), shop.paymentsInstallation());
        List<JsonObject> events = Shops.webhooks(shop.provider(), shop.accountId());
        assertThat(events).extracting(e -> e.getString("type")).contains("payment.authorized", "payment.captured");
        for (JsonObject event : events) {
            HttpResponse<String> late =
                    Shops.deliverSigned(address, event.getJsonObject("body").toString(), (String)
                            shop.account().get("webhook_secret"));
            assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
            assertThat(Shops.json(late.body()).getInt("applied"))
                    .as(event.getString("type"))
                    .isZero();
        }

        JsonObject after = detail(shop, order);
        assertThat(paymentStatus(after)).isEqualTo("PAID");
        assertThat(payments(after)).singleElement().satisfies(p -> {
            assertThat(p.getJsonNumber("captured").longValue()).isEqualTo(ready.total());
            assertThat(p.getJsonNumber("authorized").longValue()).isZero();
        });
        assertThat(historyKinds(after).stream()
                        .filter(k -> k.equals("PAYMENT_AUTHORIZED") || k.equals("PAYMENT_CAPTURED"))
                        .toList())
                .containsExactly("PAYMENT_AUTHORIZED", "PAYMENT_CAPTURED");
        assertThat(Shops.ledger(shop, "authorization")).hasSize(1);
        assertThat(Shops.ledger(shop, "capture")).hasSize(1);
    }

    // ---------------------------------------------------------------- 4b. provider sessions (client components)

    @Test
    void a_card_session_declined_at_a_opens_a_session_at_b_whose_completion_charges_exactly_once() throws Exception {
        Shop shop = Shops.open(admin(), base, "fo-sess", "tok_do_not_honour");
        SecondProvider b = Shops.secondProvider(admin(), base, shop, null);
        Shops.useSessions(
                admin(),
                base,
                shop.slug(),
                "caravan-payments",
                shop.paymentsInstallation(),
                shop.provider(),
                shop.account());
        Shops.useSessions(admin(), base, shop.slug(), b.pluginId(), b.installationId(), b.provider(), b.account());
        Shops.routeCards(shop, shop.paymentsInstallation(), b.installationId());
        Ready ready = readyCheckout(shop, 1);

        // placed without a token: the attempt at A opens A's session; no money moves
        JsonObject placed = placed(place(shop, ready, null, null));
        assertThat(placed.getString("attempt")).as(placed.toString()).isEqualTo("ACTION_REQUIRED");
        JsonObject atA = placed.getJsonObject("action");
        assertThat(atA.getString("type")).isEqualTo("SESSION");
        String sessionA = atA.getString("sessionId");
        assertThat(atA.getJsonObject("sdkData").getString("clientSecret")).startsWith(sessionA + "_secret_");
        assertThat(Shops.ledger(shop, "authorization")).isEmpty();

        // a completion without the component's token names the field and changes nothing
        Api.Reply missing = completeSession(shop, ready, null);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.body()).contains("paymentToken");

        // completed at A: A declines every card of this account, so B opens its own session (A's
        // component token is not B's)
        Api.Reply declinedAtA = completeSession(shop, ready, "tok_success");
        assertThat(declinedAtA.status()).as(declinedAtA.toString()).isEqualTo(200);
        JsonObject atB = declinedAtA.json().getJsonObject("action");
        assertThat(declinedAtA.json().getString("attempt")).isEqualTo("ACTION_REQUIRED");
        assertThat(atB.getString("type")).isEqualTo("SESSION");
        assertThat(atB.getString("sessionId")).isNotEqualTo(sessionA);

        Api.Reply paid = completeSession(shop, ready, "tok_success");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().getString("paymentStatus")).as(paid.toString()).isEqualTo("PAID");
        // a repeat (a double click, a retried request) answers where the order stands and charges nothing
        Api.Reply again = completeSession(shop, ready, "tok_success");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("paymentStatus")).isEqualTo("PAID");

        assertThat(Shops.ledger(shop, "authorization")).isEmpty();
        assertThat(Shops.ledger(b, "authorization"))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.getJsonNumber("amount").longValue()).isEqualTo(ready.total()));
        assertThat(Shops.ledger(b, "capture")).hasSize(1);
        JsonObject detail = detail(shop, placed.getString("orderId"));
        assertThat(payments(detail)).extracting(p -> p.getString("outcome")).containsExactly("DECLINED", "AUTHORIZED");
        assertThat(historyKinds(detail)).contains("PAYMENT_SESSION_COMPLETED");
    }

    // ---------------------------------------------------------------- 5. cancel: refund or void where the money is

    @Test
    void cancelling_a_captured_order_refunds_it_at_the_provider_that_took_it_and_releases_the_stock() throws Exception {
        Shop shop = Shops.open(admin(), base, "fo-refund", "tok_do_not_honour");
        SecondProvider b = Shops.secondProvider(admin(), base, shop, null);
        Shops.routeCards(shop, shop.paymentsInstallation(), b.installationId());
        Ready ready = readyCheckout(shop, 2);
        JsonObject placed = placed(place(shop, ready, "tok_success", null));
        assertThat(placed.getString("paymentStatus")).isEqualTo("PAID");
        String order = placed.getString("orderId");
        assertThat(reserved(shop)).isEqualTo(2);

        Api.Reply cancelled = shop.owner()
                .post(
                        shop.path("orders/" + order + "/cancel"),
                        Json.createObjectBuilder().add("reason", "out of glaze").build());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        // B took the money, so B gives it back; A, which declined, is not asked
        assertThat(Shops.ledger(b, "refund"))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.getJsonNumber("amount").longValue()).isEqualTo(ready.total()));
        assertThat(Shops.ledger(shop, "refund")).isEmpty();
        JsonObject detail = detail(shop, order);
        assertThat(detail.getJsonObject("order").getString("status")).isEqualTo("CANCELLED");
        assertThat(payments(detail).get(1).getJsonNumber("refunded").longValue())
                .isEqualTo(ready.total());
        assertThat(historyKinds(detail)).contains("PAYMENT_REFUNDED", "CANCELLED");
        assertThat(reserved(shop)).isZero();
    }

    @Test
    void cancelling_an_order_authorised_but_not_captured_voids_it_at_the_provider() throws Exception {
        Shop shop = Shops.open(admin(), base, "fo-void", null);
        Shops.captureMode(shop, "ON_SHIPMENT");
        Ready ready = readyCheckout(shop, 1);
        JsonObject placed = placed(place(shop, ready, "tok_success", null));
        assertThat(placed.getString("attempt")).isEqualTo("AUTHORIZED");
        String order = placed.getString("orderId");
        assertThat(Shops.ledger(shop, "authorization")).hasSize(1);
        assertThat(Shops.ledger(shop, "capture")).isEmpty();
        assertThat(payments(detail(shop, order))
                        .get(0)
                        .getJsonNumber("authorized")
                        .longValue())
                .isEqualTo(ready.total());

        Api.Reply cancelled = shop.owner()
                .post(
                        shop.path("orders/" + order + "/cancel"),
                        Json.createObjectBuilder()
                                .add("reason", "the shopper asked")
                                .build());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        assertThat(Shops.ledger(shop, "void"))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.getJsonNumber("amount").longValue()).isEqualTo(ready.total()));
        assertThat(Shops.ledger(shop, "capture")).isEmpty();
        assertThat(Shops.ledger(shop, "refund")).isEmpty();
        JsonObject detail = detail(shop, order);
        assertThat(detail.getJsonObject("order").getString("status")).isEqualTo("CANCELLED");
        JsonObject payment = payments(detail).get(0);
        assertThat(payment.getJsonNumber("authorized").longValue()).isZero();
        assertThat(payment.getJsonNumber("voided").longValue()).isEqualTo(ready.total());
        assertThat(historyKinds(detail)).contains("PAYMENT_VOIDED", "CANCELLED");
        assertThat(reserved(shop)).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private record Ready(String checkout, JsonObject quote) {
        long total() {
            return quote.getJsonObject("totals").getJsonNumber("total").longValue();
        }
    }

    /** A checkout for {@code mugs} mugs to Germany with card chosen, ready to place. */
    private static Ready readyCheckout(Shop shop, int mugs) {
        Api.Reply opened = shop.storefront().post(shop.path("checkouts"), Shops.checkout("DE", mugs));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.json().getString("id");
        Api.Reply card = shop.storefront()
                .put(
                        shop.path("checkouts/" + id + "/payment-method"),
                        Json.createObjectBuilder().add("methodCode", "card").build());
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        JsonObject quote = card.json().getJsonObject("quote");
        assertThat(quote.getBoolean("placeable")).as(quote.toString()).isTrue();
        return new Ready(id, quote);
    }

    private static Api.Reply place(Shop shop, Ready ready, String token, String returnUrl) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("expectedTotal", ready.total());
        if (token != null) {
            body.add("paymentToken", token);
        }
        if (returnUrl != null) {
            body.add("returnUrl", returnUrl);
        }
        return shop.storefront()
                .withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post(shop.path("checkouts/" + ready.checkout() + "/orders"), body.build());
    }

    private static Api.Reply completeSession(Shop shop, Ready ready, String token) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (token != null) {
            body.add("paymentToken", token);
        }
        return shop.storefront().post(shop.path("checkouts/" + ready.checkout() + "/order/payment"), body.build());
    }

    private static JsonObject placed(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static Api.Reply resume(Shop shop, Ready ready, String providerReference) {
        return shop.storefront()
                .post(
                        shop.path("checkouts/" + ready.checkout() + "/order/resume"),
                        Json.createObjectBuilder()
                                .add("parameters", Json.createObjectBuilder().add("payment_id", providerReference))
                                .build());
    }

    private static List<String> cardProviders(JsonObject quote) {
        return quote.getJsonArray("paymentMethods").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("methodCode").equals("card"))
                .findFirst()
                .orElseThrow()
                .getJsonArray("providers")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(p -> p.getString("installationId"))
                .toList();
    }

    private static JsonObject detail(Shop shop, String order) {
        Api.Reply reply = shop.owner().get(shop.path("orders/" + order));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static String paymentStatus(JsonObject detail) {
        return detail.getJsonObject("order").getString("paymentStatus");
    }

    /** The order's payment attempts, first attempt first. */
    private static List<JsonObject> payments(JsonObject detail) {
        return detail.getJsonArray("payments").getValuesAs(JsonObject.class).stream()
                .sorted(Comparator.comparingInt(p -> p.getInt("attempt")))
                .toList();
    }

    private static List<String> historyKinds(JsonObject detail) {
        return detail.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .sorted(Comparator.comparingLong(
                        h -> h.getJsonNumber("sequence").longValue()))
                .map(h -> h.getString("kind"))
                .toList();
    }

    /** The details of the history entries of one kind, joined. */
    private static String history(JsonObject detail, String kind) {
        Predicate<JsonObject> ofKind = h -> h.getString("kind").equals(kind);
        return String.join(
                " | ",
                detail.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                        .filter(ofKind)
                        .map(h -> h.getString("detail"))
                        .toList());
    }

    private static long appliedUpdates(JsonObject detail) {
        return detail.getJsonArray("providerUpdates").getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getBoolean("applied"))
                .count();
    }

    private static long reserved(Shop shop) {
        return shop.owner()
                .get(shop.path("stock/rotterdam/" + Shops.MUG))
                .json()
                .getJsonNumber("reserved")
                .longValue();
    }
}
