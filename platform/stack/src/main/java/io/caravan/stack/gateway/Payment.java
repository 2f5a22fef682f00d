package io.caravan.stack.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One payment at one provider. The amounts (authorised, captured, refunded, released) are the
 * truth; {@link #status} follows from them and from the shopper's steps. Guarded by the owning
 * {@link Provider}'s lock.
 */
final class Payment {
    enum Status {
        /** The acquirer is still working on the request (a slow acquirer). */
        PROCESSING,
        /** Waiting for the shopper: 3-D Secure on the hosted page. */
        REQUIRES_ACTION,
        /** Waiting for the shopper outside the checkout: a QR code to scan, a voucher to pay. */
        PENDING,
        AUTHORIZED,
        PARTIALLY_CAPTURED,
        CAPTURED,
        VOIDED,
        CANCELED,
        FAILED,
        EXPIRED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final String id;
    final MerchantAccount account;
    final String idempotencyKey;
    final long amount;
    final String currency;
    final String method;
    final boolean manualCapture;
    final String merchantReference;
    final String returnUrl;
    final String webhookUrl;
    final Instant created;

    Status status = Status.PROCESSING;
    long authorized;
    long captured;
    long refunded;
    long released;
    Instant authorizationExpiresAt;
    Instant actionExpiresAt;
    String declineCode;
    String declineCategory;
    String declineMessage;
    Map<String, Object> nextAction;
    final List<Map<String, Object>> operations = new ArrayList<>();

    Payment(
            String id,
            MerchantAccount account,
            String idempotencyKey,
            long amount,
            String currency,
            String method,
            boolean manualCapture,
            String merchantReference,
            String returnUrl,
            String webhookUrl,
            Instant created) {
        this.id = id;
        this.account = account;
        this.idempotencyKey = idempotencyKey;
        this.amount = amount;
        this.currency = currency;
        this.method = method;
        this.manualCapture = manualCapture;
        this.merchantReference = merchantReference;
        this.returnUrl = returnUrl;
        this.webhookUrl = webhookUrl;
        this.created = created;
    }

    /** What may still be captured (or is released by a void or an expiry). */
    long capturable() {
        return authorized - captured - released;
    }

    long refundable() {
        return captured - refunded;
    }

    boolean awaitingShopper() {
        return status == Status.REQUIRES_ACTION || status == Status.PENDING;
    }

    boolean holdsAuthorization() {
        return (status == Status.AUTHORIZED || status == Status.PARTIALLY_CAPTURED) && capturable() > 0;
    }

    Map<String, Object> toJson() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("object", "payment");
        p.put("status", status.wire());
        p.put("amount", amount);
        p.put("currency", currency);
        p.put("method", method);
        p.put("capture", manualCapture ? "manual" : "auto");
        p.put("amount_authorized", authorized);
        p.put("amount_captured", captured);
        p.put("amount_refunded", refunded);
        p.put("amount_released", released);
        p.put("idempotency_key", idempotencyKey);
        p.put("merchant_reference", merchantReference);
        p.put("created", created.toString());
        if (authorizationExpiresAt != null && holdsAuthorization()) {
            p.put("authorization_expires_at", authorizationExpiresAt.toString());
        }
        if (nextAction != null && awaitingShopper()) {
            p.put("next_action", nextAction);
        }
        if (declineCode != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("code", declineCode);
            d.put("category", declineCategory);
            d.put("message", declineMessage);
            p.put("decline", d);
        }
        p.put("operations", List.copyOf(operations));
        return p;
    }
}
