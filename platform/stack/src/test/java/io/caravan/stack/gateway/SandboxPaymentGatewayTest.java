package io.caravan.stack.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.caravan.stack.sandbox.Json;
import io.caravan.stack.sandbox.Webhooks;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox gateway over real HTTP (the JDK client), with a real webhook receiver that checks
 * every signature. Each test has accounts of its own, so ledgers and webhooks do not mix.
 */
class SandboxPaymentGatewayTest {
    private static SandboxPaymentGateway gateway;
    private static HttpServer receiver;
    private static final Queue<Map<String, Object>> RECEIVED = new ConcurrentLinkedQueue<>();
    /** The receiver answers 500 to this many deliveries before it answers 200 again. */
    private static final AtomicInteger FAILURES_TO_GIVE = new AtomicInteger();

    private static final AtomicInteger BAD_SIGNATURES = new AtomicInteger();
    /** Each test account's webhook secret, by account id (the receiver's path names the account). */
    private static final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private MerchantAccount account;
    private String base;

    @BeforeAll
    static void start() throws IOException {
        gateway = SandboxPaymentGateway.start(0);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String account = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String secret = secrets.get(account);
            String header = exchange.getRequestHeaders().getFirst("Sandbox-Signature");
            boolean valid = secret != null && verifies(header, body, secret);
            int status;
            if (!valid) {
                BAD_SIGNATURES.incrementAndGet();
                status = 400;
            } else if (FAILURES_TO_GIVE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 500;
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> event = (Map<String, Object>) Json.parse(body);
                RECEIVED.add(event);
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        receiver.stop(0);
    }

    @BeforeEach
    void freshAccount() {
        post(gateway.url() + "/test/config", Map.of(), "{\"timeout_hold_ms\":30000,\"webhook_retry_base_ms\":50}");
        account = gateway.createAccount(SandboxPaymentGateway.ACME, null);
        put(gateway.url() + "/test/accounts/" + account.id() + "/webhook", hookUrl(account));
        secrets.put(account.id(), account.webhookSecret());
        base = gateway.providerUrl(SandboxPaymentGateway.ACME);
    }

    private static String hookUrl(MerchantAccount a) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + a.id();
    }

    // --- payments --------------------------------------------------------------------------

    @Test
    void a_good_card_is_authorised_and_captured_once_with_signed_webhooks() {
        var r = pay(key(), card("tok_success", 1999, "EUR"));

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> p = json(r);
        assertThat(p.get("status")).isEqualTo("captured");
        assertThat(num(p, "amount_captured")).isEqualTo(1999);
        assertThat(types(ledger())).containsExactly("authorization", "capture");
        awaitEvents(p.get("id"), "payment.authorized", "payment.captured");
        assertThat(BAD_SIGNATURES.get()).isZero();
    }

    @Test
    void a_session_pays_once_for_what_it_was_opened_for() {
        String sessionKey = key();
        String open = "{\"amount\":1999,\"currency\":\"EUR\",\"method\":\"card\"}";
        var opened = send(
                "POST",
                base + "/v1/sessions",
                Map.of("Authorization", "Bearer " + account.apiKey(), "Idempotency-Key", sessionKey),
                open);
        var reopened = send(
                "POST",
                base + "/v1/sessions",
                Map.of("Authorization", "Bearer " + account.apiKey(), "Idempotency-Key", sessionKey),
                open);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(reopened.body()).isEqualTo(opened.body());
        String session = (String) json(opened).get("id");
        assertThat((String) json(opened).get("client_secret")).startsWith(session + "_secret_");

        var otherAmount = pay(key(), withSession(card("tok_success", 2000, "EUR"), session));
        var paid = pay(key(), withSession(card("tok_success", 1999, "EUR"), session));
        var second = pay(key(), withSession(card("tok_success", 1999, "EUR"), session));
        var unknown = pay(key(), withSession(card("tok_success", 1999, "EUR"), "ps_nope"));

        assertThat(otherAmount.statusCode()).isEqualTo(400);
        assertThat(otherAmount.body()).contains("\"param\":\"session\"", "is for 1999 EUR by card");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).contains("was used by payment " + json(paid).get("id"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(types(ledger())).containsExactly("authorization", "capture");
    }

    private static String withSession(String body, String session) {
        return body.substring(0, body.length() - 1) + ",\"session\":\"" + session + "\"}";
    }

    @Test
    void the_same_key_and_body_answer_the_same_and_a_different_body_is_refused() {
        String key = key();
        var first = pay(key, card("tok_success", 500, "EUR"));
        var again = pay(key, card("tok_success", 500, "EUR"));
        var other = pay(key, card("tok_success", 501, "EUR"));

        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).toString()).contains("idempotency_key_reused");
        assertThat(types(ledger())).containsExactly("authorization", "capture");
    }

    @Test
    void ten_requests_with_one_key_at_once_charge_once_and_all_answer_the_same_payment() throws Exception {
        String key = key();
        List<java.util.concurrent.Future<HttpResponse<String>>> answers;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(10)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            answers = java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return pay(key, card("tok_success", 900, "EUR"));
                    }))
                    .toList();
            start.countDown();
        }
        java.util.Set<Object> ids = new java.util.HashSet<>();
        for (var answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
            ids.add(json(answer.get()).get("id"));
        }
        assertThat(ids).hasSize(1);
        assertThat(types(ledger())).containsExactly("authorization", "capture");
    }

    @Test
    void a_payment_without_an_idempotency_key_is_refused() {
        var r = send(
                "POST",
                base + "/v1/payments",
                Map.of("Authorization", "Bearer " + account.apiKey()),
                card("tok_success", 500, "EUR"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Idempotency-Key");
        assertThat(ledger()).isEmpty();
    }

    @Test
    void every_bad_field_is_named_and_nothing_is_kept_under_the_key() {
        String key = key();
        var r = pay(key, "{\"amount\":-5,\"currency\":\"eur\",\"method\":\"card\",\"test_input\":\"tok_nope\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"param\":\"amount\"", "\"param\":\"currency\"", "\"param\":\"test_input\"");

        // the key is free: the corrected request goes through
        assertThat(pay(key, card("tok_success", 5, "EUR")).statusCode()).isEqualTo(200);
    }

    @Test
    void declines_carry_the_code_and_category_and_charge_nothing() {
        Map<String, String> expected = Map.of(
                "tok_insufficient_funds", "insufficient_funds/soft",
                "4000000000000002", "do_not_honour/soft",
                "tok_stolen_card", "stolen_card/hard",
                "tok_invalid_account", "invalid_account/hard",
                "tok_fraud", "suspected_fraud/fraud");
        expected.forEach((input, codeAndCategory) -> {
            var r = pay(key(), card(input, 1000, "EUR"));
            assertThat(r.statusCode()).as(input).isEqualTo(402);
            Map<String, Object> p = json(r);
            assertThat(p.get("status")).isEqualTo("failed");
            @SuppressWarnings("unchecked")
            Map<String, Object> decline = (Map<String, Object>) p.get("decline");
            assertThat(decline.get("code") + "/" + decline.get("category"))
                    .as(input)
                    .isEqualTo(codeAndCategory);
        });
        assertThat(ledger()).isEmpty();
    }

    @Test
    void an_account_made_to_decline_declines_every_card_so_a_store_can_try_its_failover() {
        var created = post(
                gateway.url() + "/test/accounts",
                Map.of(),
                "{\"provider\":\"acme\",\"forced_input\":\"tok_do_not_honour\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        Map<String, Object> made = json(created);
        assertThat(made.get("forced_input")).isEqualTo("tok_do_not_honour");
        var declined = send(
                "POST",
                base + "/v1/payments",
                Map.of("Authorization", "Bearer " + made.get("api_key"), "Idempotency-Key", key()),
                card("tok_success", 1000, "EUR"));
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(json(declined).toString()).contains("do_not_honour");
        // the other accounts are not affected
        assertThat(pay(key(), card("tok_success", 1000, "EUR")).statusCode()).isEqualTo(200);
        var unknown = post(
                gateway.url() + "/test/accounts", Map.of(), "{\"provider\":\"acme\",\"forced_input\":\"tok_nope\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("forced_input");
    }

    @Test
    void three_d_secure_waits_on_the_hosted_page_then_authorises_and_redirects_back() {
        var r = pay(
                key(),
                "{\"amount\":2500,\"currency\":\"EUR\",\"method\":\"card\",\"test_input\":\"tok_3ds\","
                        + "\"capture\":\"manual\",\"return_url\":\"https://shop.example/return?o=1\"}");
        Map<String, Object> p = json(r);
        assertThat(p.get("status")).isEqualTo("requires_action");
        @SuppressWarnings("unchecked")
        String url = (String) ((Map<String, Object>) p.get("next_action")).get("url");
        assertThat(ledger()).isEmpty();

        var page = send("GET", url, Map.of(), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm");
        var done =
                send("POST", url, Map.of("Content-Type", "application/x-www-form-urlencoded"), "outcome=authenticate");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location"))
                .contains("https://shop.example/return?o=1&payment_id=" + p.get("id"));

        Map<String, Object> resumed = json(get(base + "/v1/payments/" + p.get("id")));
        assertThat(resumed.get("status")).isEqualTo("authorized");
        assertThat(types(ledger())).containsExactly("authorization");
        awaitEvents(p.get("id"), "payment.authorized");
    }

    @Test
    void an_e_wallet_payment_is_pending_with_a_qr_code_until_the_shoppers_app_approves_it() {
        Map<String, Object> p = json(pay(key(), "{\"amount\":150000,\"currency\":\"PHP\",\"method\":\"gcash\"}"));
        assertThat(p.get("status")).isEqualTo("pending");
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) p.get("next_action");
        assertThat(action.get("type")).isEqualTo("qr_code");
        assertThat((String) action.get("qr_payload")).contains((String) p.get("id"));

        var approved = post(base + "/test/payments/" + p.get("id") + "/wallet-approve", Map.of(), "");
        assertThat(json(approved).get("status")).isEqualTo("captured");
        awaitEvents(p.get("id"), "payment.authorized", "payment.captured");
    }

    @Test
    void a_cash_voucher_expires_when_the_clock_passes_its_expiry_and_says_so_by_webhook() {
        Map<String, Object> p = json(pay(key(), "{\"amount\":30000,\"currency\":\"MXN\",\"method\":\"oxxo\"}"));
        assertThat(p.get("status")).isEqualTo("pending");
        @SuppressWarnings("unchecked")
        Map<String, Object> action = (Map<String, Object>) p.get("next_action");
        assertThat((String) action.get("voucher_reference")).hasSize(14);
        assertThat(Instant.parse((String) action.get("expires_at")))
                .isAfter(Instant.now().plus(Duration.ofDays(2)));

        post(gateway.url() + "/test/clock", Map.of(), "{\"advance_seconds\":" + (3 * 86400 + 1) + "}");

        assertThat(json(get(base + "/v1/payments/" + p.get("id"))).get("status"))
                .isEqualTo("expired");
        awaitEvents(p.get("id"), "payment.expired");
        assertThat(post(base + "/test/payments/" + p.get("id") + "/voucher-pay", Map.of(), "")
                        .statusCode())
                .isEqualTo(409);
        assertThat(ledger()).isEmpty();
    }

    @Test
    void a_paid_voucher_is_captured() {
        Map<String, Object> p = json(pay(key(), "{\"amount\":30000,\"currency\":\"MXN\",\"method\":\"oxxo\"}"));
        assertThat(json(post(base + "/test/payments/" + p.get("id") + "/voucher-pay", Map.of(), ""))
                        .get("status"))
                .isEqualTo("captured");
        assertThat(types(ledger())).containsExactly("authorization", "capture");
    }

    @Test
    void a_slow_acquirer_outlives_the_clients_deadline_then_charges_once() throws Exception {
        post(gateway.url() + "/test/config", Map.of(), "{\"timeout_hold_ms\":1500}");
        String key = key();
        assertThatThrownBy(() -> http.send(
                        payment(key, card("tok_timeout_charge", 700, "EUR"))
                                .timeout(Duration.ofMillis(300))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        // while the acquirer holds it, a retry under the key is told it is in progress
        assertThat(pay(key, card("tok_timeout_charge", 700, "EUR")).statusCode())
                .isEqualTo(409);
        assertThat(json(byKey(key)).get("status")).isEqualTo("processing");

        assertThat(until(() -> "captured".equals(json(byKey(key)).get("status"))))
                .isTrue();
        assertThat(types(ledger())).containsExactly("authorization", "capture");
    }

    @Test
    void a_slow_acquirer_that_gives_up_charges_nothing_and_the_key_was_never_seen() {
        post(gateway.url() + "/test/config", Map.of(), "{\"timeout_hold_ms\":800}");
        String key = key();
        var r = pay(key, card("tok_timeout_no_charge", 700, "EUR"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(byKey(key).statusCode()).isEqualTo(404);
        assertThat(ledger()).isEmpty();
    }

    @Test
    void a_lost_answer_charged_once_and_the_status_query_and_a_retry_both_tell_so() {
        String key = key();
        assertThatThrownBy(() -> http.send(
                        payment(key, card("tok_lost_answer", 4200, "EUR")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);

        Map<String, Object> found = json(byKey(key));
        assertThat(found.get("status")).isEqualTo("captured");
        var retry = pay(key, card("tok_lost_answer", 4200, "EUR"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).get("id")).isEqualTo(found.get("id"));
        assertThat(types(ledger())).containsExactly("authorization", "capture");
    }

    @Test
    void a_key_never_used_is_a_404() {
        assertThat(byKey(key()).statusCode()).isEqualTo(404);
        assertThat(get(base + "/v1/payments/pay_unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void captures_and_refunds_may_be_partial_and_never_exceed_what_is_left() {
        Map<String, Object> p = json(pay(key(), manualCard(10000)));
        String id = (String) p.get("id");
        assertThat(p.get("status")).isEqualTo("authorized");

        assertThat(op(id, "capture", key(), "{\"amount\":10001}").statusCode()).isEqualTo(400);
        var firstCapture = op(id, "capture", key(), "{\"amount\":6000}");
        assertThat(firstCapture.statusCode()).isEqualTo(200);
        assertThat(payment(firstCapture).get("status")).isEqualTo("partially_captured");
        assertThat(op(id, "capture", key(), "{\"amount\":4001}").body()).contains("amount_too_large");

        String refundKey = key();
        var refund = op(id, "refunds", refundKey, "{\"amount\":2500}");
        assertThat(refund.statusCode()).isEqualTo(200);
        assertThat(op(id, "refunds", refundKey, "{\"amount\":2500}").body()).isEqualTo(refund.body());
        assertThat(op(id, "refunds", refundKey, "{\"amount\":2400}").statusCode())
                .isEqualTo(422);
        assertThat(op(id, "refunds", key(), "{\"amount\":3501}").body()).contains("amount_too_large");

        var voided = op(id, "void", key(), "");
        assertThat(payment(voided).get("status")).isEqualTo("captured");
        assertThat(num(payment(voided), "amount_released")).isEqualTo(4000);

        assertThat(ledger().stream()
                        .map(e -> e.get("type") + ":" + e.get("amount"))
                        .toList())
                .containsExactly("authorization:10000", "capture:6000", "refund:2500", "void:4000");
        awaitEvents(id, "payment.authorized", "payment.captured", "refund.succeeded", "payment.voided");
    }

    @Test
    void a_final_partial_capture_releases_the_rest_and_a_wrong_currency_is_refused() {
        String id = (String) json(pay(key(), manualCard(5000))).get("id");

        assertThat(op(id, "capture", key(), "{\"amount\":100,\"currency\":\"USD\"}")
                        .body())
                .contains("currency_mismatch");
        var captured = op(id, "capture", key(), "{\"amount\":3000,\"currency\":\"EUR\",\"final_capture\":true}");

        assertThat(payment(captured).get("status")).isEqualTo("captured");
        assertThat(num(payment(captured), "amount_released")).isEqualTo(2000);
        assertThat(ledger().stream()
                        .map(e -> e.get("type") + ":" + e.get("amount"))
                        .toList())
                .containsExactly("authorization:5000", "capture:3000", "void:2000");
    }

    @Test
    void an_authorisation_expires_after_its_life_and_can_no_longer_be_captured() {
        String id = (String) json(pay(key(), manualCard(800))).get("id");
        post(gateway.url() + "/test/clock", Map.of(), "{\"advance_seconds\":" + (7 * 86400 + 1) + "}");

        assertThat(json(get(base + "/v1/payments/" + id)).get("status")).isEqualTo("expired");
        assertThat(op(id, "capture", key(), "").statusCode()).isEqualTo(409);
        awaitEvents(id, "payment.authorized", "payment.expired");
    }

    @Test
    void one_authorisation_can_be_expired_at_once() {
        String id = (String) json(pay(key(), manualCard(800))).get("id");
        assertThat(json(post(base + "/test/payments/" + id + "/expire-authorization", Map.of(), ""))
                        .get("status"))
                .isEqualTo("expired");
    }

    // --- webhooks --------------------------------------------------------------------------

    @Test
    void a_webhook_the_receiver_refuses_is_retried_until_it_is_taken() {
        FAILURES_TO_GIVE.set(2);
        String id = (String) json(pay(key(), manualCard(300))).get("id");

        awaitEvents(id, "payment.authorized");
        Map<String, Object> event = events().stream()
                .filter(e -> e.get("type").equals("payment.authorized"))
                .findFirst()
                .orElseThrow();
        assertThat((List<?>) event.get("attempts")).hasSize(3);
        assertThat(event.get("delivered")).isEqualTo(true);
    }

    @Test
    void a_replay_sends_the_same_bytes_and_signature_and_forgeries_do_not_verify() {
        String id = (String) json(pay(key(), manualCard(300))).get("id");
        awaitEvents(id, "payment.authorized");
        String eventId = (String) events().getFirst().get("id");

        var replay = json(post(base + "/test/webhooks/" + eventId + "/replay", Map.of(), ""));
        assertThat(num(replay, "status")).isEqualTo(200);
        assertThat(RECEIVED.stream().filter(e -> e.get("id").equals(eventId))).hasSize(2);

        int bad = BAD_SIGNATURES.get();
        for (String mode : List.of("wrong_secret", "tampered", "unsigned")) {
            var forged =
                    json(post(base + "/test/webhooks/" + eventId + "/forge", Map.of(), "{\"mode\":\"" + mode + "\"}"));
            assertThat(num(forged, "status")).as(mode).isEqualTo(400);
        }
        assertThat(BAD_SIGNATURES.get() - bad).isEqualTo(3);
        // stale: correctly signed, ten minutes old (the receiver here checks the HMAC only)
        var stale = json(post(base + "/test/webhooks/" + eventId + "/forge", Map.of(), "{\"mode\":\"stale\"}"));
        assertThat(num(stale, "status")).isEqualTo(200);
    }

    // --- keys and providers ----------------------------------------------------------------

    @Test
    void a_wrong_key_is_a_401_and_the_providers_keep_separate_books() {
        String id = (String) json(pay(key(), manualCard(300))).get("id");
        var wrong = send("GET", base + "/v1/payments/" + id, Map.of("Authorization", "Bearer sk_test_nope"), null);
        assertThat(wrong.statusCode()).isEqualTo(401);

        String zenpay = gateway.providerUrl(SandboxPaymentGateway.ZENPAY);
        var otherProvider =
                send("GET", zenpay + "/v1/payments/" + id, Map.of("Authorization", "Bearer " + account.apiKey()), null);
        assertThat(otherProvider.statusCode()).isEqualTo(401);
        String zenKey = gateway.demoAccount(SandboxPaymentGateway.ZENPAY).apiKey();
        assertThat(send("GET", zenpay + "/v1/payments/" + id, Map.of("Authorization", "Bearer " + zenKey), null)
                        .statusCode())
                .isEqualTo(404);
    }

    // --- helpers ---------------------------------------------------------------------------

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String card(String input, long amount, String currency) {
        return "{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"method\":\"card\",\"test_input\":\""
                + input + "\",\"merchant_reference\":\"order-1\"}";
    }

    private static String manualCard(long amount) {
        return "{\"amount\":" + amount + ",\"currency\":\"EUR\",\"method\":\"card\",\"test_input\":\"tok_success\","
                + "\"capture\":\"manual\"}";
    }

    private HttpRequest.Builder payment(String key, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/v1/payments"))
                .header("Authorization", "Bearer " + account.apiKey())
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> pay(String key, String body) {
        return send(
                "POST",
                base + "/v1/payments",
                Map.of("Authorization", "Bearer " + account.apiKey(), "Idempotency-Key", key),
                body);
    }

    private HttpResponse<String> op(String id, String what, String key, String body) {
        return send(
                "POST",
                base + "/v1/payments/" + id + "/" + what,
                Map.of("Authorization", "Bearer " + account.apiKey(), "Idempotency-Key", key),
                body);
    }

    private HttpResponse<String> byKey(String key) {
        return get(base + "/v1/payments?idempotency_key=" + key);
    }

    private HttpResponse<String> get(String url) {
        return send("GET", url, Map.of("Authorization", "Bearer " + account.apiKey()), null);
    }

    private HttpResponse<String> post(String url, Map<String, String> headers, String body) {
        return send("POST", url, headers, body);
    }

    private void put(String url, String webhookUrl) {
        assertThat(send("PUT", url, Map.of(), "{\"webhook_url\":\"" + webhookUrl + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String url, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        return (Map<String, Object>) Json.parse(r.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payment(HttpResponse<String> r) {
        return (Map<String, Object>) json(r).get("payment");
    }

    private static long num(Map<String, Object> m, String name) {
        return ((BigDecimal) m.get(name)).longValueExact();
    }

    private List<Map<String, Object>> ledger() {
        return gateway.ledger(SandboxPaymentGateway.ACME, account.id());
    }

    private static List<Object> types(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("type")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>)
                json(get(base + "/test/webhooks?account=" + account.id())).get("events");
    }

    /**
     * Waits until the receiver took exactly these event types for the payment (in any order: like
     * the acquirers, the sandbox does not promise that webhooks arrive in order).
     */
    @SuppressWarnings("unchecked")
    private static void awaitEvents(Object paymentId, String... types) {
        BooleanSupplier arrived = () -> RECEIVED.stream()
                .filter(e -> paymentId.equals(((Map<String, Object>) e.get("data")).get("payment_id")))
                .map(e -> (String) e.get("type"))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))
                .equals(new java.util.TreeSet<>(List.of(types)));
        assertThat(until(arrived))
                .as("events %s for %s", List.of(types), paymentId)
                .isTrue();
    }

    private static boolean until(BooleanSupplier condition) {
        Instant end = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private static boolean verifies(String header, String body, String secret) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        return t != null
                && v1 != null
                && java.security.MessageDigest.isEqual(
                        v1.getBytes(StandardCharsets.US_ASCII),
                        Webhooks.hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII));
    }
}
