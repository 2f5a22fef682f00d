package io.caravan.sdk.payments;

import static io.caravan.sdk.Fixtures.NOW;
import static io.caravan.sdk.Fixtures.assertInvalid;
import static io.caravan.sdk.Fixtures.customer;
import static io.caravan.sdk.Fixtures.eur;
import static io.caravan.sdk.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.money.Money;
import io.caravan.sdk.plugin.ProviderNotification;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentValuesTest {
    private static final URI REDIRECT = URI.create("https://pay.example.com/3ds/abc");
    private static final Set<PaymentCapability> CARD_CAPABILITIES = EnumSet.allOf(PaymentCapability.class);

    @Nested
    class MethodCodes {
        @Test
        void everySharedCodeIsWellFormedAndDistinct() throws IllegalAccessException {
            Set<String> seen = new HashSet<>();
            for (Field f : PaymentMethodCodes.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        && f.getType() == String.class
                        && !f.getName().equals("PATTERN")) {
                    String code = (String) f.get(null);
                    assertThat(PaymentMethodCodes.isWellFormed(code))
                            .as(f.getName())
                            .isTrue();
                    assertThat(seen.add(code)).as("%s is used twice", code).isTrue();
                }
            }
            assertThat(seen).contains("card", "pix", "cash_on_delivery", "touch_n_go", "konbini", "sepa_debit");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Pix", "p", "1pix", "pix-br", "pix ", "a234567890123456789012345678901234"})
        void refusesCodesOutsideThePattern(String code) {
            assertThat(PaymentMethodCodes.isWellFormed(code)).isFalse();
            assertInvalid(() -> PaymentMethodCodes.check(code, "f"), "f must be a payment method code");
        }
    }

    @Nested
    class Methods {
        private PaymentMethod cod(Money fee, Money max) {
            return new PaymentMethod(
                    PaymentMethodCodes.CASH_ON_DELIVERY,
                    "Cash on delivery",
                    PaymentMethodType.CASH_ON_DELIVERY,
                    Set.of(),
                    fee,
                    max,
                    true,
                    null,
                    null);
        }

        @Test
        void cashOnDeliveryCarriesFeeLimitAndConfirmation() {
            PaymentMethod cod = cod(eur(300), eur(50000));
            assertThat(cod.confirmationRequired()).isTrue();
            assertThat(cod.can(PaymentCapability.VOID)).isFalse();
        }

        @Test
        void feeIsNotNegativeAndLimitIsPositiveInTheSameCurrency() {
            assertInvalid(() -> cod(eur(-1), null), "PaymentMethod.fee must not be negative");
            assertInvalid(() -> cod(null, eur(0)), "PaymentMethod.maximumAmount must be > 0");
            assertInvalid(() -> cod(usd(300), eur(100)), "PaymentMethod.fee must be in EUR");
        }

        @Test
        void needsSharedCodeNameTypeAndCapabilities() {
            assertInvalid(
                    () -> new PaymentMethod(
                            "Card", "Card", PaymentMethodType.CARD, Set.of(), null, null, false, null, null),
                    "PaymentMethod.methodCode must be a payment method code");
            assertInvalid(
                    () -> new PaymentMethod(
                            "card", null, PaymentMethodType.CARD, Set.of(), null, null, false, null, null),
                    "PaymentMethod.displayName is required");
            assertInvalid(
                    () -> new PaymentMethod("card", "Card", null, Set.of(), null, null, false, null, null),
                    "PaymentMethod.type is required");
            assertInvalid(
                    () -> new PaymentMethod(
                            "card", "Card", PaymentMethodType.CARD, null, null, null, false, null, null),
                    "PaymentMethod.capabilities is required");
        }

        @Test
        void expiriesArePositiveAndAnAuthorisationValidityNeedsASeparateCapture() {
            PaymentMethod card = new PaymentMethod(
                    "card",
                    "Card",
                    PaymentMethodType.CARD,
                    CARD_CAPABILITIES,
                    null,
                    null,
                    false,
                    null,
                    Duration.ofDays(7));
            assertThat(card.authorizationValidity()).isEqualTo(Duration.ofDays(7));
            PaymentMethod oxxo = new PaymentMethod(
                    "oxxo",
                    "OXXO",
                    PaymentMethodType.CASH_VOUCHER,
                    Set.of(),
                    null,
                    null,
                    false,
                    Duration.ofDays(3),
                    null);
            assertThat(oxxo.pendingExpiry()).isEqualTo(Duration.ofDays(3));
            assertInvalid(
                    () -> new PaymentMethod(
                            "oxxo",
                            "OXXO",
                            PaymentMethodType.CASH_VOUCHER,
                            Set.of(),
                            null,
                            null,
                            false,
                            Duration.ZERO,
                            null),
                    "PaymentMethod.pendingExpiry must be > 0");
            assertInvalid(
                    () -> new PaymentMethod(
                            "pix",
                            "Pix",
                            PaymentMethodType.BANK_TRANSFER,
                            Set.of(PaymentCapability.REFUND),
                            null,
                            null,
                            false,
                            null,
                            Duration.ofDays(7)),
                    "PaymentMethod.authorizationValidity must be null without SEPARATE_CAPTURE");
        }
    }

    @Nested
    class Sessions {
        @Test
        void requestCarriesTheAttemptKeyAndASharedMethodCode() {
            PaymentSessionRequest ok = new PaymentSessionRequest("att-1", "o-1", "card", eur(100), customer(), null);
            assertThat(ok.attemptKey()).isEqualTo("att-1");
            assertInvalid(
                    () -> new PaymentSessionRequest("k".repeat(129), "o", "card", eur(100), customer(), null),
                    "PaymentSessionRequest.attemptKey must be at most 128");
            assertInvalid(
                    () -> new PaymentSessionRequest("k", "o", "CARD", eur(100), customer(), null),
                    "PaymentSessionRequest.methodCode");
            assertInvalid(
                    () -> new PaymentSessionRequest("k", "o", "card", eur(0), customer(), null),
                    "PaymentSessionRequest.amount must be > 0");
        }

        @Test
        void clientDataIsBoundedToEightKilobytes() {
            assertThat(new PaymentSession("ps_1", Map.of("clientSecret", "cs_1"), NOW).clientData())
                    .containsEntry("clientSecret", "cs_1");
            assertInvalid(
                    () -> new PaymentSession("ps_1", Map.of("blob", "x".repeat(8 * 1024)), null),
                    "PaymentSession.clientData must hold at most 8192 bytes, held 8196");
            assertInvalid(() -> new PaymentSession(" ", Map.of(), null), "PaymentSession.providerSessionId");
        }
    }

    @Nested
    class Authorization {
        @Test
        void requestNeedsKeyOrderMethodPositiveAmountAndCustomer() {
            assertInvalid(
                    () -> new AuthorizationRequest(" ", "o", "card", eur(100), customer(), null, null, null, null),
                    "AuthorizationRequest.attemptKey must not be blank");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "o", "Card!", eur(100), customer(), null, null, null, null),
                    "AuthorizationRequest.methodCode");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "o", "card", eur(0), customer(), null, null, null, null),
                    "AuthorizationRequest.amount must be > 0");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "o", "card", eur(1), null, null, null, null, null),
                    "AuthorizationRequest.customer is required");
            assertInvalid(
                    () -> new AuthorizationRequest(
                            "k", "o", "card", eur(1), customer(), null, "t".repeat(4097), null, null),
                    "AuthorizationRequest.paymentToken must be at most 4096");
            assertInvalid(
                    () -> new AuthorizationRequest("k", "o", "card", eur(1), customer(), null, null, null, " "),
                    "AuthorizationRequest.providerSessionId must not be blank");
        }

        @Test
        void definiteOutcomesNeedAReferenceAndAPositiveAmount() {
            AuthorizationResult ok = AuthorizationResult.authorized("pi_1", eur(100), NOW.plus(Duration.ofDays(7)));
            assertThat(ok.status()).isEqualTo(AuthorizationStatus.AUTHORIZED);
            assertThat(AuthorizationResult.captured("pi_1", eur(100)).expiresAt())
                    .isNull();
            assertThat(AuthorizationResult.pending("pi_1", eur(100), NOW).expiresAt())
                    .isEqualTo(NOW);
            assertInvalid(
                    () -> AuthorizationResult.authorized(null, eur(100), null),
                    "AuthorizationResult.providerReference is required when status is AUTHORIZED");
            assertInvalid(
                    () -> AuthorizationResult.pending("pi_1", eur(0), null), "AuthorizationResult.amount must be > 0");
            assertInvalid(
                    () -> new AuthorizationResult(AuthorizationStatus.CAPTURED, "pi_1", eur(1), null, null, NOW, null),
                    "AuthorizationResult.expiresAt must be null when status is CAPTURED");
            assertInvalid(
                    () -> new AuthorizationResult(
                            AuthorizationStatus.AUTHORIZED,
                            "pi_1",
                            eur(1),
                            null,
                            new Decline(DeclineCategory.SOFT, "x", null),
                            null,
                            null),
                    "AuthorizationResult.decline must be null when status is AUTHORIZED");
        }

        @Test
        void anActionComesExactlyWithActionRequired() {
            AuthorizationResult result = AuthorizationResult.actionRequired("pi_1", PaymentAction.redirect(REDIRECT));
            assertThat(result.action().url()).isEqualTo(REDIRECT);
            assertInvalid(
                    () -> new AuthorizationResult(
                            AuthorizationStatus.ACTION_REQUIRED, "pi_1", null, null, null, null, null),
                    "AuthorizationResult.action is required when status is ACTION_REQUIRED");
            assertInvalid(
                    () -> new AuthorizationResult(
                            AuthorizationStatus.PENDING,
                            "pi_1",
                            eur(1),
                            PaymentAction.redirect(REDIRECT),
                            null,
                            null,
                            null),
                    "AuthorizationResult.action must be null when status is PENDING");
        }

        @Test
        void aDeclineIsAResultWithItsCategoryAndMayCarryTheReference() {
            AuthorizationResult declined =
                    AuthorizationResult.declined("pi_9", new Decline(DeclineCategory.SOFT, "insufficient_funds", null));
            assertThat(declined.status().allowsFailover()).isTrue();
            assertThat(declined.providerReference()).isEqualTo("pi_9");
            assertThat(AuthorizationResult.declined(null, new Decline(DeclineCategory.FRAUD, "fraud", "risk")))
                    .extracting(AuthorizationResult::providerReference)
                    .isNull();
            assertInvalid(
                    () -> new AuthorizationResult(AuthorizationStatus.DECLINED, "pi_9", null, null, null, null, null),
                    "AuthorizationResult.decline is required when status is DECLINED");
            assertInvalid(() -> new Decline(null, "x", null), "Decline.category is required");
            assertInvalid(
                    () -> new Decline(DeclineCategory.HARD, "c".repeat(65), null), "Decline.code must be at most 64");
            assertInvalid(
                    () -> new Decline(DeclineCategory.HARD, "c", "m".repeat(301)),
                    "Decline.message must be at most 300");
        }

        @Test
        void notAttemptedCarriesAReasonAndNothingElse() {
            assertThat(AuthorizationResult.notAttempted("method unavailable for MXN")
                            .status()
                            .allowsFailover())
                    .isTrue();
            assertInvalid(
                    () -> AuthorizationResult.notAttempted(null),
                    "AuthorizationResult.reason is required when status is NOT_ATTEMPTED");
            assertInvalid(
                    () -> new AuthorizationResult(
                            AuthorizationStatus.NOT_ATTEMPTED, "pi_1", null, null, null, null, "r"),
                    "AuthorizationResult.providerReference must be null when status is NOT_ATTEMPTED");
        }

        @ParameterizedTest
        @EnumSource(
                value = AuthorizationStatus.class,
                names = {"DECLINED", "NOT_ATTEMPTED"},
                mode = EnumSource.Mode.EXCLUDE)
        void onlyDefiniteNoMoneyMovedAnswersAllowFailover(AuthorizationStatus status) {
            assertThat(status.allowsFailover()).isFalse();
        }

        @Test
        void unknownMayCarryAReferenceButNoAmount() {
            AuthorizationResult unknown = AuthorizationResult.unknown(null, "timeout after 15 s");
            assertThat(unknown.status().allowsFailover()).isFalse();
            assertThat(AuthorizationResult.unknown("pi_1", null).providerReference())
                    .isEqualTo("pi_1");
            assertInvalid(
                    () -> new AuthorizationResult(AuthorizationStatus.UNKNOWN, "pi_1", eur(1), null, null, null, null),
                    "AuthorizationResult.amount must be null when status is UNKNOWN");
        }

        @Test
        void resumeAndStatusRequestsCarryTheAttemptKey() {
            ResumeRequest resume = new ResumeRequest("att-1", "pi_1", Map.of("redirectResult", "abc"));
            assertThat(resume.returnParameters()).containsEntry("redirectResult", "abc");
            assertInvalid(() -> new ResumeRequest("att-1", null, Map.of()), "ResumeRequest.providerReference");
            assertInvalid(
                    () -> new ResumeRequest("att-1", "pi_1", Map.of("p", "v".repeat(4097))),
                    "ResumeRequest.returnParameters[p] must be at most 4096");
            assertThat(new StatusRequest("att-1", null, eur(100)).providerReference())
                    .isNull();
            assertInvalid(() -> new StatusRequest("", null, eur(100)), "StatusRequest.attemptKey");
            assertInvalid(() -> new StatusRequest("a", null, eur(0)), "StatusRequest.amount must be > 0");
        }
    }

    @Nested
    class Actions {
        @Test
        void eachTypeNeedsItsOwnComponent() {
            assertThat(PaymentAction.qr("00020101021226...", NOW).qrPayload()).startsWith("0002");
            assertThat(PaymentAction.voucher("1234 5678", null, "Pay at any OXXO", NOW)
                            .voucherReference())
                    .isEqualTo("1234 5678");
            assertThat(PaymentAction.sdk(Map.of("token", "t")).sdkData()).containsKey("token");
            assertThat(PaymentAction.bankDetails("IBAN DE89…, reference ORD-1", null)
                            .instructions())
                    .contains("ORD-1");
            assertThat(PaymentAction.postRedirect(REDIRECT, Map.of("PaReq", "x"))
                            .httpMethod())
                    .isEqualTo("POST");
            assertInvalid(
                    () -> new PaymentAction(ActionType.REDIRECT, null, "GET", null, null, null, null, null, null),
                    "PaymentAction.url is required when type is REDIRECT");
            assertInvalid(
                    () -> new PaymentAction(ActionType.QR_CODE, null, null, null, null, null, null, null, null),
                    "PaymentAction.qrPayload is required when type is QR_CODE");
            assertInvalid(
                    () -> new PaymentAction(ActionType.VOUCHER, null, null, null, null, null, null, null, null),
                    "PaymentAction.voucherReference is required when type is VOUCHER");
            assertInvalid(
                    () -> new PaymentAction(ActionType.SDK, null, null, null, null, null, null, Map.of(), null),
                    "PaymentAction.sdkData is required when type is SDK");
            assertInvalid(
                    () -> new PaymentAction(ActionType.BANK_DETAILS, null, null, null, null, null, null, null, null),
                    "PaymentAction.instructions is required when type is BANK_DETAILS");
        }

        @Test
        void redirectsAreAbsoluteHttpWithAMethod() {
            assertInvalid(
                    () -> PaymentAction.redirect(URI.create("/relative")),
                    "PaymentAction.url must be an absolute http(s)");
            assertInvalid(
                    () -> PaymentAction.redirect(URI.create("javascript:alert(1)")),
                    "PaymentAction.url must be an absolute http(s)");
            assertInvalid(
                    () -> new PaymentAction(ActionType.REDIRECT, REDIRECT, "PUT", null, null, null, null, null, null),
                    "PaymentAction.httpMethod must be GET or POST");
            assertInvalid(
                    () -> new PaymentAction(ActionType.QR_CODE, null, "GET", null, "q", null, null, null, null),
                    "PaymentAction.httpMethod must be null when type is QR_CODE");
        }
    }

    @Nested
    class Operations {
        @Test
        void captureVoidAndRefundNeedKeyReferenceAndPositiveAmounts() {
            assertInvalid(() -> new CaptureRequest("", "pi_1", eur(100), true), "CaptureRequest.operationKey");
            assertInvalid(() -> new CaptureRequest("k", "pi_1", eur(0), true), "CaptureRequest.amount must be > 0");
            assertInvalid(() -> new VoidRequest("k", " ", eur(100), null), "VoidRequest.providerReference");
            assertInvalid(() -> new VoidRequest("k", "pi_1", eur(0), null), "VoidRequest.amount must be > 0");
            assertInvalid(() -> new RefundRequest("k", "pi_1", eur(-5), null), "RefundRequest.amount must be > 0");
            assertInvalid(
                    () -> new RefundRequest("k", "pi_1", eur(5), "r".repeat(201)),
                    "RefundRequest.reason must be at most 200");
        }

        @Test
        void resultsFitTheirStatus() {
            assertThat(PaymentOperationResult.succeeded("re_1", eur(100)).operationReference())
                    .isEqualTo("re_1");
            assertThat(PaymentOperationResult.pending("re_1", eur(100)).status())
                    .isEqualTo(OperationStatus.PENDING);
            assertThat(PaymentOperationResult.failed(eur(100), "amount_exceeds_capture")
                            .failureReason())
                    .isEqualTo("amount_exceeds_capture");
            assertThat(PaymentOperationResult.unknown(eur(100), null).operationReference())
                    .isNull();
            assertInvalid(
                    () -> new PaymentOperationResult(OperationStatus.SUCCEEDED, null, eur(1), null),
                    "PaymentOperationResult.operationReference is required when status is SUCCEEDED");
            assertInvalid(
                    () -> new PaymentOperationResult(OperationStatus.FAILED, null, eur(1), null),
                    "PaymentOperationResult.failureReason is required when status is FAILED");
            assertInvalid(
                    () -> new PaymentOperationResult(OperationStatus.SUCCEEDED, "re_1", eur(1), "why"),
                    "PaymentOperationResult.failureReason must be null when status is SUCCEEDED");
            assertInvalid(
                    () -> PaymentOperationResult.succeeded("re_1", eur(0)),
                    "PaymentOperationResult.amount must be > 0");
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
        void updatesNeedTheOperationReferenceAndAPositiveAmount() {
            PaymentUpdate update =
                    new PaymentUpdate(PaymentUpdateType.CAPTURED, "pi_1", "ch_1", "att-1", eur(100), NOW, null);
            assertThat(update.platformKey()).isEqualTo("att-1");
            assertInvalid(
                    () -> new PaymentUpdate(PaymentUpdateType.CAPTURED, "pi_1", "", null, eur(1), NOW, null),
                    "PaymentUpdate.operationReference");
            assertInvalid(
                    () -> new PaymentUpdate(PaymentUpdateType.CAPTURED, "", "ch_1", null, eur(1), NOW, null),
                    "PaymentUpdate.providerReference");
            assertInvalid(
                    () -> new PaymentUpdate(null, "pi_1", "ch_1", null, eur(1), NOW, null),
                    "PaymentUpdate.type is required");
            assertInvalid(
                    () -> new PaymentUpdate(PaymentUpdateType.DISPUTE_OPENED, "pi_1", "dp_1", null, null, NOW, null),
                    "PaymentUpdate.amount is required");
            assertInvalid(
                    () -> new PaymentUpdate(PaymentUpdateType.REFUNDED, "pi_1", "re_1", null, eur(0), NOW, null),
                    "PaymentUpdate.amount must be > 0");
            assertInvalid(
                    () -> new PaymentUpdate(PaymentUpdateType.REFUNDED, "pi_1", "re_1", null, eur(1), null, null),
                    "PaymentUpdate.occurredAt is required");
        }

        @Test
        void anUnverifiedNotificationCarriesNoUpdates() {
            PaymentUpdate update =
                    new PaymentUpdate(PaymentUpdateType.CAPTURED, "pi_1", "ch_1", null, eur(100), NOW, null);
            assertThat(NotificationResult.rejected().verified()).isFalse();
            assertThat(NotificationResult.verified(List.of(update)).updates()).containsExactly(update);
            assertInvalid(
                    () -> new NotificationResult(false, List.of(update), null),
                    "NotificationResult.updates must be empty when verified is false");
            assertInvalid(() -> new NotificationResult(true, null, null), "NotificationResult.updates is required");
            assertInvalid(
                    () -> new NotificationResult(true, List.of(), "x".repeat(1001)),
                    "NotificationResult.acknowledgement must be at most 1000");
        }
    }
}
