package io.caravan.sdk.payments;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.customer;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaymentValuesTest {
    private static final URI REDIRECT = URI.create("https://pay.example.com/3ds/abc");

    @Nested
    class Methods {
        @Test
        void cashOnDeliveryCarriesFeeLimitAndConfirmation() {
            PaymentMethod cod = new PaymentMethod(
                    "cod", "Cash on delivery", PaymentMethodType.CASH_ON_DELIVERY, eur(300), eur(50000), true);
            assertThat(cod.confirmationRequired()).isTrue();
        }

        @Test
        void feeIsNotNegativeAndLimitIsPositiveInTheSameCurrency() {
            assertInvalid(
                    () -> new PaymentMethod("cod", "COD", PaymentMethodType.CASH_ON_DELIVERY, eur(-1), null, true),
                    "PaymentMethod.fee must not be negative");
            assertInvalid(
                    () -> new PaymentMethod("cod", "COD", PaymentMethodType.CASH_ON_DELIVERY, null, eur(0), true),
                    "PaymentMethod.maximumAmount must be > 0");
            assertInvalid(
                    () -> new PaymentMethod("cod", "COD", PaymentMethodType.CASH_ON_DELIVERY, usd(300), eur(100), true),
                    "PaymentMethod.fee must be in EUR");
        }

        @Test
        void needsIdNameAndType() {
            assertInvalid(
                    () -> new PaymentMethod("", "Card", PaymentMethodType.CARD, null, null, false),
                    "PaymentMethod.methodId");
            assertInvalid(
                    () -> new PaymentMethod("card", null, PaymentMethodType.CARD, null, null, false),
                    "PaymentMethod.displayName is required");
            assertInvalid(
                    () -> new PaymentMethod("card", "Card", null, null, null, false), "PaymentMethod.type is required");
        }
    }

    @Nested
    class Authorization {
        @Test
        void requestNeedsKeyOrderMethodPositiveAmountAndCustomer() {
            assertInvalid(
                    () -> new AuthorizationRequest(" ", "o", "card", eur(100), customer(), null, null, null),
                    "AuthorizationRequest.idempotencyKey");
            assertInvalid(
                    () -> new AuthorizationRequest(
                            "k".repeat(129), "o", "card", eur(100), customer(), null, null, null),
                    "AuthorizationRequest.idempotencyKey must be at most 128");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "", "card", eur(100), customer(), null, null, null),
                    "AuthorizationRequest.orderId");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "o", null, eur(100), customer(), null, null, null),
                    "AuthorizationRequest.methodId is required");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "o", "card", eur(0), customer(), null, null, null),
                    "AuthorizationRequest.amount must be > 0");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "o", "card", eur(100), null, null, null, null),
                    "AuthorizationRequest.customer is required");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "o", "card", eur(100), customer(), null, " ", null),
                    "AuthorizationRequest.paymentToken");
        }

        @Test
        void actionUrlComesExactlyWithActionRequired() {
            assertInvalid(
                    () -> new AuthorizationResult(AuthorizationStatus.ACTION_REQUIRED, "pi_1", eur(100), null),
                    "AuthorizationResult.actionUrl is required when status is ACTION_REQUIRED");
            assertInvalid(
                    () -> new AuthorizationResult(AuthorizationStatus.AUTHORIZED, "pi_1", eur(100), REDIRECT),
                    "AuthorizationResult.actionUrl must be null when status is AUTHORIZED");
            assertThat(new AuthorizationResult(AuthorizationStatus.ACTION_REQUIRED, "pi_1", eur(100), REDIRECT)
                            .actionUrl())
                    .isEqualTo(REDIRECT);
        }

        @Test
        void resultNeedsReferenceAndPositiveAmount() {
            assertInvalid(
                    () -> new AuthorizationResult(AuthorizationStatus.AUTHORIZED, "", eur(100), null),
                    "AuthorizationResult.providerReference");
            assertInvalid(
                    () -> new AuthorizationResult(AuthorizationStatus.AUTHORIZED, "pi_1", eur(0), null),
                    "AuthorizationResult.amount must be > 0");
            assertInvalid(
                    () -> new AuthorizationResult(null, "pi_1", eur(1), null),
                    "AuthorizationResult.status is required");
        }
    }

    @Nested
    class Operations {
        @Test
        void captureVoidAndRefundNeedKeyReferenceAndPositiveAmounts() {
            assertInvalid(() -> new CaptureRequest("", "pi_1", eur(1), true), "CaptureRequest.idempotencyKey");
            assertInvalid(() -> new CaptureRequest("k", "", eur(1), true), "CaptureRequest.providerReference");
            assertInvalid(() -> new CaptureRequest("k", "pi_1", eur(-1), true), "CaptureRequest.amount must be > 0");
            assertInvalid(() -> new VoidRequest("", "pi_1", null), "VoidRequest.idempotencyKey");
            assertInvalid(() -> new VoidRequest("k", null, null), "VoidRequest.providerReference is required");
            assertInvalid(
                    () -> new VoidRequest("k", "pi_1", "r".repeat(201)), "VoidRequest.reason must be at most 200");
            assertInvalid(() -> new RefundRequest("k", "pi_1", eur(0), null), "RefundRequest.amount must be > 0");
            assertInvalid(
                    () -> new RefundRequest(null, "pi_1", eur(1), null), "RefundRequest.idempotencyKey is required");
            assertInvalid(() -> new RefundRequest("k", "pi_1", eur(1), " "), "RefundRequest.reason must not be blank");
        }

        @Test
        void operationResultAmountsAreNotNegative() {
            assertInvalid(
                    () -> new PaymentOperationResult(OperationStatus.SUCCEEDED, "re_1", eur(-1)),
                    "PaymentOperationResult.amount must not be negative");
            assertInvalid(
                    () -> new PaymentOperationResult(null, "re_1", eur(1)),
                    "PaymentOperationResult.status is required");
            assertInvalid(
                    () -> new PaymentOperationResult(OperationStatus.PENDING, " ", eur(1)),
                    "PaymentOperationResult.operationReference");
        }
    }

    @Nested
    class Notifications {
        @Test
        void bodyIsKeptExactlyAndCopied() {
            byte[] raw = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
            ProviderNotification n =
                    new ProviderNotification(Map.of("Stripe-Signature", List.of("t=1,v1=abc")), raw, NOW);
            raw[0] = 'X';
            assertThat(n.bodyAsString()).isEqualTo("{\"id\":\"evt_1\"}");
            assertThat(n.headers()).containsKey("stripe-signature");
            assertThat(n.toString()).doesNotContain("evt_1");
            assertInvalid(
                    () -> new ProviderNotification(Map.of(), raw, null), "ProviderNotification.receivedAt is required");
        }

        @Test
        void updatesCarryTheDedupKey() {
            assertInvalid(
                    () -> new PaymentUpdate("", "pi_1", PaymentUpdateType.CAPTURED, eur(1), NOW),
                    "PaymentUpdate.eventId");
            assertInvalid(
                    () -> new PaymentUpdate("evt_1", "", PaymentUpdateType.CAPTURED, eur(1), NOW),
                    "PaymentUpdate.providerReference");
            assertInvalid(
                    () -> new PaymentUpdate("evt_1", "pi_1", null, eur(1), NOW), "PaymentUpdate.type is required");
            assertInvalid(
                    () -> new PaymentUpdate("evt_1", "pi_1", PaymentUpdateType.REFUNDED, eur(-1), NOW),
                    "PaymentUpdate.amount must not be negative");
            assertInvalid(
                    () -> new PaymentUpdate("evt_1", "pi_1", PaymentUpdateType.REFUNDED, null, null),
                    "PaymentUpdate.occurredAt is required");
            assertThat(new PaymentUpdate("evt_1", "pi_1", PaymentUpdateType.DISPUTED, null, NOW).amount())
                    .isNull();
        }

        @Test
        void resultsCopyUpdatesAndBoundTheAcknowledgement() {
            assertInvalid(() -> new NotificationResult(null, null), "NotificationResult.updates is required");
            assertInvalid(
                    () -> new NotificationResult(List.of(), "x".repeat(1001)),
                    "NotificationResult.acknowledgement must be at most 1000");
            assertThat(new NotificationResult(List.of(), "[accepted]").acknowledgement())
                    .isEqualTo("[accepted]");
        }
    }
}
