package io.caravan.plugins.payments;

import io.caravan.plugins.support.Json;
import io.caravan.plugins.support.WebhookSignature;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.NotificationResult;
import io.caravan.sdk.payments.PaymentNotificationHandler;
import io.caravan.sdk.payments.PaymentUpdate;
import io.caravan.sdk.payments.PaymentUpdateType;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.ProviderNotification;
import io.caravan.sdk.plugin.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PAYMENT_NOTIFICATIONS}: the acquirer's webhooks. Nothing of a call is read before its
 * signature is checked: {@code Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">} with the store's webhook secret, compared in constant time, and the timestamp within
 * {@link #TOLERANCE} of the platform's clock (an old, correctly signed message is a replay). A
 * forged, tampered, unsigned or stale call answers {@code verified=false} with no updates. A
 * verified event becomes one {@link PaymentUpdate} carrying the acquirer's payment and operation
 * ids and the platform's key it echoes; the platform applies each (type, operation, amount) once,
 * so a replay within the tolerance changes nothing either.
 */
public final class PaymentsNotifications implements PaymentNotificationHandler {
    static final String SIGNATURE_HEADER = "sandbox-signature";
    /** The merchant's bank's notices of received transfers, signed the same way with their own secret. */
    static final String BANK_SIGNATURE_HEADER = "bank-signature";

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Override
    public NotificationResult handle(PluginContext context, ProviderNotification notification) {
        // the merchant's bank confirms a transfer with its own signature and secret
        boolean bank = header(notification.headers(), BANK_SIGNATURE_HEADER).isPresent();
        Optional<Secret> secret =
                context.configuration().secret(bank ? "/bankTransfer/notificationSecret" : "/acquirer/webhookSecret");
        Optional<String> header = header(notification.headers(), bank ? BANK_SIGNATURE_HEADER : SIGNATURE_HEADER);
        if (secret.isEmpty() || header.isEmpty()) {
            return NotificationResult.rejected();
        }
        byte[] body = notification.body();
        if (!verifies(header.get(), body, secret.get(), context.clock().instant())) {
            context.logger().warn("a notification with a bad or stale signature was refused");
            return NotificationResult.rejected();
        }
        Map<String, Object> event;
        try {
            event = Json.object(Json.parse(new String(body, StandardCharsets.UTF_8)), "event");
        } catch (IllegalArgumentException e) {
            return NotificationResult.verified(List.of()); // signed but unreadable: nothing to apply
        }
        Optional<PaymentUpdate> update = bank ? bankCredit(event) : update(event);
        return NotificationResult.verified(update.map(List::of).orElse(List.of()));
    }

    /**
     * A credit the merchant's bank booked, {@code {"id", "type": "credit_transfer.received",
     * "reference": "CRV…", "amount", "currency", "booked_at"}}: the transfer of the attempt with
     * that reference arrived, so its payment is captured (the platform checks amount and currency).
     */
    static Optional<PaymentUpdate> bankCredit(Map<String, Object> event) {
        String id = Json.text(event, "id");
        String reference = Json.text(event, "reference");
        Long amount = Json.whole(event, "amount");
        String currency = Json.text(event, "currency");
        Instant booked = Acquirer.instant(Json.text(event, "booked_at"));
        if (!"credit_transfer.received".equals(Json.text(event, "type"))
                || id == null
                || reference == null
                || !reference.matches("CRV[A-Z2-9]{10}")
                || amount == null
                || amount <= 0
                || currency == null
                || booked == null) {
            return Optional.empty();
        }
        return Optional.of(new PaymentUpdate(
                PaymentUpdateType.CAPTURED,
                LocalPayments.BANK_PREFIX + reference,
                Acquirer.cut(id, 128),
                null,
                Money.ofMinor(amount, currency),
                booked,
                null));
    }

    /** Whether the header signs this body with this secret, at a time within the tolerance of now. */
    static boolean verifies(String header, byte[] body, Secret secret, Instant now) {
        return WebhookSignature.verifies(header, body, secret, now, TOLERANCE);
    }

    static String hmac(Secret secret, String t, byte[] body) {
        return WebhookSignature.hmac(secret, t, body);
    }

    /** The update an event stands for, or empty for events that move no money (or carry no amount). */
    static Optional<PaymentUpdate> update(Map<String, Object> event) {
        String type = Json.text(event, "type");
        Map<String, Object> data = event.get("data") instanceof Map<?, ?> m ? Json.object(m, "data") : Map.of();
        String paymentId = Json.text(data, "payment_id");
        String operationId = Json.text(data, "operation_id");
        Long amount = Json.whole(data, "amount");
        String currency = Json.text(data, "currency");
        Long created = Json.whole(event, "created");
        if (type == null
                || paymentId == null
                || operationId == null
                || amount == null
                || amount <= 0
                || currency == null
                || created == null) {
            return Optional.empty();
        }
        String paymentKey = Json.text(data, "payment_idempotency_key");
        String operationKey = Json.text(data, "idempotency_key");
        String reason = null;
        PaymentUpdateType kind;
        String key;
        switch (type) {
            case "payment.authorized" -> {
                kind = PaymentUpdateType.AUTHORIZED;
                key = paymentKey;
            }
            case "payment.captured" -> {
                kind = PaymentUpdateType.CAPTURED;
                key = operationKey;
            }
            case "payment.failed" -> {
                kind = PaymentUpdateType.AUTHORIZATION_FAILED;
                key = paymentKey;
                Object decline = data.get("decline");
                reason = decline instanceof Map<?, ?> d ? Json.text(Json.object(d, "decline"), "code") : "declined";
            }
            case "payment.canceled" -> {
                kind = PaymentUpdateType.AUTHORIZATION_FAILED;
                key = paymentKey;
                reason = "canceled before the shopper paid";
            }
            case "payment.expired" -> {
                kind = PaymentUpdateType.AUTHORIZATION_EXPIRED;
                key = paymentKey;
            }
            case "payment.voided" -> {
                kind = PaymentUpdateType.VOIDED;
                key = operationKey;
            }
            case "refund.succeeded" -> {
                kind = PaymentUpdateType.REFUNDED;
                key = operationKey;
            }
            case "dispute.opened" -> {
                kind = PaymentUpdateType.DISPUTE_OPENED;
                key = null;
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new PaymentUpdate(
                kind,
                paymentId,
                operationId,
                key,
                Money.ofMinor(amount, currency),
                Instant.ofEpochSecond(created),
                reason == null ? null : Acquirer.cut(reason)));
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return WebhookSignature.header(headers, name);
    }
}
