package io.caravan.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.plugins.support.Json;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.ActionType;
import io.caravan.sdk.payments.AuthorizationRequest;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.AuthorizationStatus;
import io.caravan.sdk.payments.CaptureRequest;
import io.caravan.sdk.payments.NotificationResult;
import io.caravan.sdk.payments.OperationStatus;
import io.caravan.sdk.payments.PaymentOperationResult;
import io.caravan.sdk.payments.PaymentUpdate;
import io.caravan.sdk.payments.PaymentUpdateType;
import io.caravan.sdk.payments.RefundRequest;
import io.caravan.sdk.payments.ResumeRequest;
import io.caravan.sdk.payments.StatusRequest;
import io.caravan.sdk.payments.VoidRequest;
import io.caravan.sdk.plugin.ProviderNotification;
import io.caravan.stack.gateway.MerchantAccount;
import io.caravan.stack.gateway.SandboxPaymentGateway;
import io.caravan.testkit.RealEgress;
import io.caravan.testkit.TestPluginContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acquirer path of the plugin against the REAL sandbox gateway (an HTTP server in this JVM,
 * reached through a real HTTP client): every answer the gateway can give maps to the right SDK
 * result, unknown outcomes are resolved by the platform's key, and the gateway's own ledger shows
 * what was really charged. Each test has a merchant account of its own.
 */
class AcquirerPaymentsTest {
    private final PaymentsAuthorizer authorizer = new PaymentsAuthorizer();
    private final PaymentsStatus status = new PaymentsStatus();
    private final PaymentsOperations operations = new PaymentsOperations();
    private final PaymentsNotifications notifications = new PaymentsNotifications();

    private MerchantAccount account;
    private TestPluginContext context;

    @BeforeEach
    void account() {
        RealGateway.configure("{\"timeout_hold_ms\":30000,\"webhook_retry_base_ms\":100}");
        account = RealGateway.account(SandboxPaymentGateway.ACME);
        context = RealGateway.context(account, "", "", Duration.ofSeconds(10));
    }

    @Test
    void a_good_card_is_authorised_with_the_acquirers_reference_and_expiry() {
        AuthorizationResult r = authorizer.authorize(context, card(key(), "tok_success", 1999, "EUR"));

        assertThat(r.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
        assertThat(r.providerReference()).startsWith("pay_");
        assertThat(r.amount()).isEqualTo(Money.ofMinor(1999, "EUR"));
        assertThat(r.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThat(RealGateway.ledger(account)).containsExactly("authorization:1999");
        // the platform's attempt key is the acquirer's idempotency key
        assertThat(context.sentRequests().getFirst().headers().get("idempotency-key"))
                .isNotEmpty();
    }

    @Test
    void auto_capture_answers_captured() {
        TestPluginContext auto = RealGateway.context(account, "\"capture\":\"auto\"", "", Duration.ofSeconds(10));
        AuthorizationResult r = authorizer.authorize(auto, card(key(), "4242 4242 4242 4242", 500, "EUR"));

        assertThat(r.status()).isEqualTo(AuthorizationStatus.CAPTURED);
        assertThat(RealGateway.ledger(account)).containsExactly("authorization:500", "capture:500");
    }

    @Test
    void each_decline_carries_its_category_code_and_reference_and_charges_nothing() {
        Map<String, String> expected = Map.of(
                "tok_insufficient_funds", "SOFT insufficient_funds",
                "tok_do_not_honour", "SOFT do_not_honour",
                "tok_stolen_card", "HARD stolen_card",
                "tok_invalid_account", "HARD invalid_account",
                "tok_fraud", "FRAUD suspected_fraud");
        expected.forEach((input, categoryAndCode) -> {
            AuthorizationResult r = authorizer.authorize(context, card(key(), input, 1000, "EUR"));
            assertThat(r.status()).as(input).isEqualTo(AuthorizationStatus.DECLINED);
            assertThat(r.decline().category() + " " + r.decline().code())
                    .as(input)
                    .isEqualTo(categoryAndCode);
            assertThat(r.providerReference()).as(input).startsWith("pay_");
            assertThat(r.status().allowsFailover()).isTrue();
        });
        assertThat(RealGateway.ledger(account)).isEmpty();
    }

    @Test
    void three_d_secure_asks_for_a_redirect_and_resume_after_it_answers_authorised() {
        String attempt = key();
        AuthorizationResult r = authorizer.authorize(context, card(attempt, "tok_3ds", 2500, "EUR"));
        assertThat(r.status()).isEqualTo(AuthorizationStatus.ACTION_REQUIRED);
        assertThat(r.action().type()).isEqualTo(ActionType.REDIRECT);
        URI page = r.action().url();
        assertThat(page.getPath()).isEqualTo("/acme/hosted/3ds/" + r.providerReference());
        assertThat(RealGateway.ledger(account)).isEmpty();

        // the shopper confirms on the hosted page; the browser comes back with the payment id
        RealGateway.post(page.getPath(), "outcome=authenticate");
        AuthorizationResult resumed = authorizer.resume(
                context,
                new ResumeRequest(attempt, r.providerReference(), Map.of("payment_id", r.providerReference())));

        assertThat(resumed.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
        assertThat(resumed.providerReference()).isEqualTo(r.providerReference());
        assertThat(RealGateway.ledger(account)).containsExactly("authorization:2500");
    }

    @Test
    void an_e_wallet_shows_a_qr_code_and_the_signed_webhook_says_when_the_shopper_paid() {
        String attempt = key();
        AuthorizationResult r = authorizer.authorize(context, request(attempt, "gcash", null, 150000, "PHP"));
        assertThat(r.status()).isEqualTo(AuthorizationStatus.ACTION_REQUIRED);
        assertThat(r.action().type()).isEqualTo(ActionType.QR_CODE);
        assertThat(r.action().qrPayload()).contains(r.providerReference());
        assertThat(r.action().expiresAt()).isAfter(Instant.now());

        RealGateway.post("/acme/test/payments/" + r.providerReference() + "/wallet-approve", "");

        PaymentUpdate update = awaitUpdate(PaymentUpdateType.AUTHORIZED);
        assertThat(update.providerReference()).isEqualTo(r.providerReference());
        assertThat(update.platformKey()).isEqualTo(attempt);
        assertThat(update.amount()).isEqualTo(Money.ofMinor(150000, "PHP"));
        assertThat(status.status(context, new StatusRequest(attempt, null, Money.ofMinor(150000, "PHP")))
                        .status())
                .isEqualTo(AuthorizationStatus.AUTHORIZED);
    }

    @Test
    void a_cash_voucher_is_pending_with_its_reference_until_it_expires() {
        String attempt = key();
        AuthorizationResult r = authorizer.authorize(context, request(attempt, "oxxo", null, 30000, "MXN"));
        assertThat(r.status()).isEqualTo(AuthorizationStatus.ACTION_REQUIRED);
        assertThat(r.action().type()).isEqualTo(ActionType.VOUCHER);
        assertThat(r.action().voucherReference()).hasSize(14);
        assertThat(r.action().expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(2)));

        RealGateway.post("/acme/test/payments/" + r.providerReference() + "/voucher-expire", "");

        AuthorizationResult after =
                status.status(context, new StatusRequest(attempt, null, Money.ofMinor(30000, "MXN")));
        assertThat(after.status()).isEqualTo(AuthorizationStatus.DECLINED);
        assertThat(after.decline().code()).isEqualTo("expired");
        assertThat(awaitUpdate(PaymentUpdateType.AUTHORIZATION_EXPIRED).providerReference())
                .isEqualTo(r.providerReference());
        assertThat(RealGateway.ledger(account)).isEmpty();
    }

    @Test
    void a_timeout_is_unknown_then_the_status_query_finds_the_one_charge() {
        RealGateway.configure("{\"timeout_hold_ms\":2500}");
        TestPluginContext impatient = RealGateway.context(account, "\"timeoutMillis\":500", "", Duration.ofSeconds(10));
        String attempt = key();

        AuthorizationResult r = authorizer.authorize(impatient, card(attempt, "tok_timeout_charge", 700, "EUR"));

        assertThat(r.status()).isEqualTo(AuthorizationStatus.UNKNOWN);
        assertThat(r.status().allowsFailover()).isFalse();
        StatusRequest query = new StatusRequest(attempt, null, Money.ofMinor(700, "EUR"));
        assertThat(status.status(impatient, query).status())
                .as("while the acquirer still holds it")
                .isEqualTo(AuthorizationStatus.UNKNOWN);
        assertThat(until(() -> status.status(impatient, query).status() == AuthorizationStatus.AUTHORIZED))
                .isTrue();
        assertThat(RealGateway.ledger(account)).containsExactly("authorization:700");
    }

    @Test
    void a_timeout_the_acquirer_gave_up_on_is_unknown_then_definitely_not_attempted() {
        RealGateway.configure("{\"timeout_hold_ms\":1500}");
        TestPluginContext impatient = RealGateway.context(account, "\"timeoutMillis\":400", "", Duration.ofSeconds(10));
        String attempt = key();

        assertThat(authorizer
                        .authorize(impatient, card(attempt, "tok_timeout_no_charge", 700, "EUR"))
                        .status())
                .isEqualTo(AuthorizationStatus.UNKNOWN);

        StatusRequest query = new StatusRequest(attempt, null, Money.ofMinor(700, "EUR"));
        assertThat(until(() -> status.status(impatient, query).status() == AuthorizationStatus.NOT_ATTEMPTED))
                .isTrue();
        assertThat(RealGateway.ledger(account)).isEmpty();
    }

    @Test
    void a_lost_answer_is_unknown_then_the_status_query_answers_authorised_with_exactly_one_charge() {
        String attempt = key();

        AuthorizationResult r = authorizer.authorize(context, card(attempt, "tok_lost_answer", 4200, "EUR"));
        assertThat(r.status()).isEqualTo(AuthorizationStatus.UNKNOWN);

        AuthorizationResult found =
                status.status(context, new StatusRequest(attempt, null, Money.ofMinor(4200, "EUR")));
        assertThat(found.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
        assertThat(found.amount()).isEqualTo(Money.ofMinor(4200, "EUR"));
        // a redelivered authorisation with the same key is answered from the acquirer's record
        AuthorizationResult again = authorizer.authorize(context, card(attempt, "tok_lost_answer", 4200, "EUR"));
        assertThat(again.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
        assertThat(again.providerReference()).isEqualTo(found.providerReference());
        assertThat(RealGateway.ledger(account)).containsExactly("authorization:4200");
    }

    @Test
    void a_decline_at_provider_a_lets_provider_b_charge_once_under_its_own_key() {
        MerchantAccount atB = RealGateway.account(SandboxPaymentGateway.ZENPAY);
        TestPluginContext providerB = RealGateway.context(atB, "", "", Duration.ofSeconds(10));
        String order = key();

        AuthorizationResult a = authorizer.authorize(context, card(order + "/acme", "tok_do_not_honour", 1200, "EUR"));
        assertThat(a.status().allowsFailover()).isTrue();
        AuthorizationResult b = authorizer.authorize(providerB, card(order + "/zenpay", "tok_success", 1200, "EUR"));

        assertThat(b.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
        assertThat(RealGateway.ledger(account)).isEmpty();
        assertThat(RealGateway.ledger(atB)).containsExactly("authorization:1200");
    }

    @Test
    void a_key_the_acquirer_never_saw_is_definitely_not_attempted() {
        AuthorizationResult r = status.status(context, new StatusRequest(key(), null, Money.ofMinor(100, "EUR")));
        assertThat(r.status()).isEqualTo(AuthorizationStatus.NOT_ATTEMPTED);
    }

    @Test
    void a_refused_api_key_or_bad_request_is_not_attempted() {
        MerchantAccount other = RealGateway.account(SandboxPaymentGateway.ZENPAY);
        // acme's URL with zenpay's key
        TestPluginContext wrongKey = TestPluginContext.builder()
                .configuration("{\"acquirer\":{\"baseUrl\":\"" + RealGateway.baseUrl("acme") + "\",\"apiKey\":\""
                        + other.apiKey() + "\"}}")
                .allowHosts("localhost")
                .egress(RealEgress::send)
                .timeout(Duration.ofSeconds(5))
                .build();
        assertThat(authorizer
                        .authorize(wrongKey, card(key(), "tok_success", 100, "EUR"))
                        .status())
                .isEqualTo(AuthorizationStatus.NOT_ATTEMPTED);
        assertThat(authorizer
                        .authorize(context, card(key(), "tok_no_such_card", 100, "EUR"))
                        .reason())
                .contains("unknown test card");
        assertThat(RealGateway.ledger(account)).isEmpty();
    }

    @Test
    void partial_captures_and_refunds_within_what_is_left_and_a_void_of_the_rest() {
        AuthorizationResult auth = authorizer.authorize(context, card(key(), "tok_success", 10000, "EUR"));
        String ref = auth.providerReference();
        String captureKey = key();

        PaymentOperationResult first =
                operations.capture(context, new CaptureRequest(captureKey, ref, eur(6000), false));
        PaymentOperationResult replay =
                operations.capture(context, new CaptureRequest(captureKey, ref, eur(6000), false));
        PaymentOperationResult tooMuch = operations.capture(context, new CaptureRequest(key(), ref, eur(4001), false));
        PaymentOperationResult wrongCurrency =
                operations.capture(context, new CaptureRequest(key(), ref, Money.ofMinor(100, "USD"), false));
        PaymentOperationResult refund = operations.refund(context, new RefundRequest(key(), ref, eur(2500), null));
        PaymentOperationResult refundTooMuch =
                operations.refund(context, new RefundRequest(key(), ref, eur(3501), null));
        PaymentOperationResult voided =
                operations.voidAuthorization(context, new VoidRequest(key(), ref, eur(4000), null));

        assertThat(first.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(first.operationReference()).startsWith("cap_");
        assertThat(replay.operationReference()).isEqualTo(first.operationReference());
        assertThat(tooMuch.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(tooMuch.failureReason()).contains("at most 4000");
        assertThat(wrongCurrency.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(refund.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(refund.amount()).isEqualTo(eur(2500));
        assertThat(refundTooMuch.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(voided.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(voided.amount()).isEqualTo(eur(4000));
        assertThat(RealGateway.ledger(account))
                .containsExactly("authorization:10000", "capture:6000", "refund:2500", "void:4000");
    }

    @Test
    void forged_tampered_unsigned_and_stale_webhooks_are_refused_and_a_replay_repeats_the_same_update() {
        String attempt = key();
        authorizer.authorize(context, card(attempt, "tok_success", 300, "EUR"));
        PaymentUpdate genuine = awaitUpdate(PaymentUpdateType.AUTHORIZED);
        String eventId = eventIds().getFirst();

        for (String mode : List.of("wrong_secret", "tampered", "unsigned", "stale")) {
            int before = RealGateway.received(account).size();
            RealGateway.post("/acme/test/webhooks/" + eventId + "/forge", "{\"mode\":\"" + mode + "\"}");
            ProviderNotification forged = RealGateway.received(account).get(before);
            NotificationResult result = notifications.handle(context, forged);
            assertThat(result.verified()).as(mode).isFalse();
            assertThat(result.updates()).as(mode).isEmpty();
        }

        int before = RealGateway.received(account).size();
        RealGateway.post("/acme/test/webhooks/" + eventId + "/replay", "");
        NotificationResult replayed =
                notifications.handle(context, RealGateway.received(account).get(before));
        // verified (it is the acquirer's own message, within the tolerance): the platform's dedup on
        // (type, operation, amount) makes it change nothing
        assertThat(replayed.verified()).isTrue();
        assertThat(replayed.updates()).containsExactly(genuine);
    }

    @Test
    void a_webhook_signed_with_another_accounts_secret_is_refused() {
        authorizer.authorize(context, card(key(), "tok_success", 300, "EUR"));
        awaitUpdate(PaymentUpdateType.AUTHORIZED);
        MerchantAccount other = RealGateway.account(SandboxPaymentGateway.ACME);
        TestPluginContext otherStore = RealGateway.context(other, "", "", Duration.ofSeconds(5));

        NotificationResult result =
                notifications.handle(otherStore, RealGateway.received(account).getFirst());

        assertThat(result.verified()).isFalse();
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Waits for the account's webhooks to carry a verified update of this type, and returns it. */
    private PaymentUpdate awaitUpdate(PaymentUpdateType type) {
        Supplier<PaymentUpdate> found = () -> RealGateway.received(account).stream()
                .map(n -> notifications.handle(context, n))
                .filter(NotificationResult::verified)
                .flatMap(n -> n.updates().stream())
                .filter(u -> u.type() == type)
                .findFirst()
                .orElse(null);
        assertThat(until(() -> found.get() != null)).as("a %s update", type).isTrue();
        return found.get();
    }

    @SuppressWarnings("unchecked")
    private List<String> eventIds() {
        Map<String, Object> events = Json.object(
                Json.parse(RealGateway.call("GET", "/acme/test/webhooks?account=" + account.id(), "")
                        .body()),
                "events");
        return ((List<Object>) events.get("events"))
                .stream().map(e -> Json.text(Json.object(e, "event"), "id")).toList();
    }

    static String key() {
        return "attempt-" + UUID.randomUUID();
    }

    static Money eur(long minor) {
        return Money.ofMinor(minor, "EUR");
    }

    static AuthorizationRequest card(String attempt, String input, long amount, String currency) {
        return request(attempt, "card", input, amount, currency);
    }

    static AuthorizationRequest request(String attempt, String method, String input, long amount, String currency) {
        return new AuthorizationRequest(
                attempt,
                "order-" + attempt.substring(attempt.length() - 8),
                method,
                Money.ofMinor(amount, currency),
                new Customer("shopper-1", null, CountryCode.of("PH"), null),
                null,
                input,
                URI.create("https://shop.example/return"),
                null);
    }

    /** Polls a condition every 50 ms for up to 15 s. */
    static boolean until(BooleanSupplier condition) {
        Instant end = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
