package io.caravan.plugins.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.model.Customer;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.ActionType;
import io.caravan.sdk.payments.AuthorizationRequest;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.AuthorizationStatus;
import io.caravan.sdk.payments.CaptureRequest;
import io.caravan.sdk.payments.OperationStatus;
import io.caravan.sdk.payments.RefundRequest;
import io.caravan.sdk.payments.StatusRequest;
import io.caravan.testkit.InMemoryPluginStorage;
import io.caravan.testkit.TestPluginContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Cash on delivery and bank transfer: no provider call, answers kept under the platform's key. */
class LocalPaymentsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final PaymentsAuthorizer authorizer = new PaymentsAuthorizer();
    private final PaymentsStatus status = new PaymentsStatus();
    private final PaymentsOperations operations = new PaymentsOperations();

    @Test
    void cash_on_delivery_is_pending_until_the_courier_collects_and_the_same_attempt_gets_the_same_reference() {
        TestPluginContext context = context("{}", NOW);

        AuthorizationResult first = authorizer.authorize(context, cod("a-1", "PH", 250000, "PHP"));
        AuthorizationResult again = authorizer.authorize(context, cod("a-1", "PH", 250000, "PHP"));

        assertThat(first.status()).isEqualTo(AuthorizationStatus.PENDING);
        assertThat(first.providerReference()).startsWith("cod-");
        assertThat(first.amount()).isEqualTo(Money.ofMinor(250000, "PHP"));
        assertThat(again).isEqualTo(first);
        assertThat(status.status(context, new StatusRequest("a-1", null, first.amount())))
                .isEqualTo(first);
        assertThat(operations
                        .capture(context, new CaptureRequest("cap-1", first.providerReference(), first.amount(), true))
                        .status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(operations
                        .refund(context, new RefundRequest("ref-1", first.providerReference(), first.amount(), null))
                        .status())
                .isEqualTo(OperationStatus.FAILED);
        assertThat(context.sentRequests()).as("no provider call").isEmpty();
    }

    @Test
    void cash_on_delivery_above_the_maximum_in_another_currency_or_switched_off_is_not_attempted() {
        TestPluginContext context =
                context("{\"cashOnDelivery\":{\"currency\":\"PHP\",\"maximumAmount\":500000}}", NOW);

        assertThat(authorizer
                        .authorize(context, cod("a-3", "PH", 500001, "PHP"))
                        .reason())
                .contains("maximum of 500000");
        assertThat(authorizer.authorize(context, cod("a-4", "AE", 1000, "AED")).reason())
                .contains("configured in PHP");
        assertThat(authorizer
                        .authorize(context("{\"cashOnDelivery\":{\"enabled\":false}}", NOW), cod("a-5", "PH", 1, "PHP"))
                        .reason())
                .contains("switched off");
        assertThat(status.status(context, new StatusRequest("a-3", null, Money.ofMinor(500001, "PHP")))
                        .status())
                .isEqualTo(AuthorizationStatus.NOT_ATTEMPTED);
        assertThat(context.storage().keys("", 10))
                .as("nothing recorded for a refusal")
                .isEmpty();
    }

    @Test
    void the_destination_is_checked_when_methods_are_offered_not_from_the_shoppers_country() {
        // a shopper from Germany sending a parcel to the Philippines was offered COD for PH
        assertThat(authorizer
                        .authorize(context("{}", NOW), cod("a-6", "DE", 1000, "PHP"))
                        .status())
                .isEqualTo(AuthorizationStatus.PENDING);
    }

    @Test
    void a_bank_transfer_shows_the_merchants_account_a_reference_and_a_deadline_then_expires() {
        String config = "{\"bankTransfer\":{\"enabled\":true,\"accountHolder\":\"Lisbon Ceramics Lda\","
                + "\"iban\":\"PT50 0002 0123 1234 5678 9015 4\",\"bic\":\"CGDIPTPL\",\"expiryDays\":5}}";
        InMemoryPluginStorage storage = new InMemoryPluginStorage(Clock.fixed(NOW, ZoneOffset.UTC));
        TestPluginContext context = context(config, NOW, storage);

        AuthorizationResult r = authorizer.authorize(context, request("b-1", "bank_transfer", "PT", 4990, "EUR"));

        assertThat(r.status()).isEqualTo(AuthorizationStatus.ACTION_REQUIRED);
        assertThat(r.action().type()).isEqualTo(ActionType.BANK_DETAILS);
        assertThat(r.action().instructions())
                .contains(
                        "49.90 EUR",
                        "PT50000201231234567890154",
                        "CGDIPTPL",
                        BankTransfer.reference("b-1"),
                        "2026-12-07");
        assertThat(r.action().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        assertThat(r.providerReference()).isEqualTo("bt-" + BankTransfer.reference("b-1"));

        TestPluginContext sixDaysLater = context(config, NOW.plus(Duration.ofDays(6)), storage);
        AuthorizationResult later =
                status.status(sixDaysLater, new StatusRequest("b-1", null, Money.ofMinor(4990, "EUR")));
        assertThat(later.status()).isEqualTo(AuthorizationStatus.DECLINED);
        assertThat(later.decline().code()).isEqualTo("expired");
    }

    @Test
    void the_banks_signed_notice_of_the_transfer_captures_it_and_a_badly_signed_one_is_refused() throws Exception {
        String config =
                "{\"bankTransfer\":{\"enabled\":true,\"accountHolder\":\"A\",\"iban\":\"DE89370400440532013000\","
                        + "\"bic\":\"COBADEFFXXX\",\"notificationSecret\":\"bank-secret\"}}";
        String reference = BankTransfer.reference("b-3");
        String body = "{\"id\":\"bank-tx-77\",\"type\":\"credit_transfer.received\",\"reference\":\"" + reference
                + "\",\"amount\":4990,\"currency\":\"EUR\",\"booked_at\":\"2026-12-02T09:55:00Z\"}";
        PaymentsNotifications handler = new PaymentsNotifications();
        TestPluginContext context = context(config, NOW);

        var accepted = handler.handle(context, notice(body, sign("bank-secret", NOW.getEpochSecond(), body)));
        var forged = handler.handle(context, notice(body, sign("not-the-secret", NOW.getEpochSecond(), body)));
        var stale = handler.handle(
                context,
                notice(
                        body,
                        sign("bank-secret", NOW.minus(Duration.ofMinutes(6)).getEpochSecond(), body)));

        assertThat(accepted.verified()).isTrue();
        var update = accepted.updates().getFirst();
        assertThat(update.type()).isEqualTo(io.caravan.sdk.payments.PaymentUpdateType.CAPTURED);
        assertThat(update.providerReference()).isEqualTo("bt-" + reference);
        assertThat(update.operationReference()).isEqualTo("bank-tx-77");
        assertThat(update.amount()).isEqualTo(Money.ofMinor(4990, "EUR"));
        assertThat(forged.verified()).isFalse();
        assertThat(stale.verified()).isFalse();
        assertThat(forged.updates()).isEmpty();
    }

    private static io.caravan.sdk.plugin.ProviderNotification notice(String body, String signature) {
        return new io.caravan.sdk.plugin.ProviderNotification(
                java.util.Map.of("bank-signature", java.util.List.of(signature)),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                NOW);
    }

    /** Signed with the JDK's own HMAC, independently of the plugin's. */
    private static String sign(String secret, long t, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1="
                + java.util.HexFormat.of()
                        .formatHex(mac.doFinal((t + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void bank_transfer_without_an_account_is_not_attempted() {
        assertThat(authorizer
                        .authorize(context("{}", NOW), request("b-2", "bank_transfer", "PT", 4990, "EUR"))
                        .status())
                .isEqualTo(AuthorizationStatus.NOT_ATTEMPTED);
    }

    @Test
    void bank_references_are_stable_per_attempt_and_differ_between_attempts() {
        assertThat(BankTransfer.reference("x"))
                .isEqualTo(BankTransfer.reference("x"))
                .matches("CRV[A-Z2-9]{10}");
        assertThat(BankTransfer.reference("x")).isNotEqualTo(BankTransfer.reference("y"));
    }

    private static TestPluginContext context(String config, Instant now) {
        return context(config, now, new InMemoryPluginStorage(Clock.fixed(now, ZoneOffset.UTC)));
    }

    private static TestPluginContext context(String config, Instant now, InMemoryPluginStorage storage) {
        return TestPluginContext.builder()
                .configuration(config)
                .now(now)
                .storage(storage)
                .build();
    }

    private static AuthorizationRequest cod(String attempt, String country, long amount, String currency) {
        return request(attempt, "cash_on_delivery", country, amount, currency);
    }

    private static AuthorizationRequest request(
            String attempt, String method, String country, long amount, String currency) {
        return new AuthorizationRequest(
                attempt,
                "order-" + attempt,
                method,
                Money.ofMinor(amount, currency),
                new Customer("shopper", null, CountryCode.of(country), null),
                null,
                null,
                URI.create("https://shop.example/return"),
                null);
    }
}
