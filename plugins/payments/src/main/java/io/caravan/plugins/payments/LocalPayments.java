package io.caravan.plugins.payments;

import io.caravan.plugins.support.Json;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.AuthorizationResult;
import io.caravan.sdk.payments.Decline;
import io.caravan.sdk.payments.DeclineCategory;
import io.caravan.sdk.payments.PaymentAction;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.StoredValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payments that involve no provider call — cash on delivery and bank transfer — kept in the
 * plugin's storage under the platform's attempt key, so that a redelivered authorisation answers
 * the same reference and deadline, and a status query or resume answers from the record.
 */
final class LocalPayments {
    static final String COD_PREFIX = "cod-";
    static final String BANK_PREFIX = "bt-";
    /** Kept well past any deadline: a status query may come long after the order. */
    private static final Duration KEEP = Duration.ofDays(120);

    private LocalPayments() {}

    static boolean owns(String providerReference) {
        return providerReference != null
                && (providerReference.startsWith(COD_PREFIX) || providerReference.startsWith(BANK_PREFIX));
    }

    static String codReference(String attemptKey) {
        return COD_PREFIX + HexFormat.of().formatHex(sha256(attemptKey), 0, 16);
    }

    /** The record of an attempt, or the one just written if there was none. */
    static Map<String, Object> recordOnce(PluginContext context, String attemptKey, Map<String, Object> fresh) {
        Optional<Map<String, Object>> earlier = find(context, attemptKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        context.storage().put(key(attemptKey), Json.write(fresh).getBytes(StandardCharsets.UTF_8), KEEP);
        return fresh;
    }

    static Optional<Map<String, Object>> find(PluginContext context, String attemptKey) {
        Optional<StoredValue> stored = context.storage().get(key(attemptKey));
        return stored.map(v -> Json.object(Json.parse(new String(v.value(), StandardCharsets.UTF_8)), "record"));
    }

    static Map<String, Object> record(String method, String reference, Money amount, Instant expiresAt, String text) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", method);
        r.put("reference", reference);
        r.put("amount", amount.minorUnits());
        r.put("currency", amount.currency().getCurrencyCode());
        r.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        r.put("instructions", text);
        return r;
    }

    /** What a recorded attempt stands at now. */
    static AuthorizationResult result(PluginContext context, Map<String, Object> r) {
        String reference = Json.text(r, "reference");
        Money amount = Money.ofMinor(Json.whole(r, "amount"), Json.text(r, "currency"));
        Instant expires = Acquirer.instant(Json.text(r, "expires_at"));
        if ("cash_on_delivery".equals(Json.text(r, "method"))) {
            // the courier collects: the platform records the collection as a capture
            return AuthorizationResult.pending(reference, amount, null);
        }
        if (expires != null && !context.clock().instant().isBefore(expires)) {
            return AuthorizationResult.declined(
                    reference, new Decline(DeclineCategory.SOFT, "expired", "no transfer arrived before the deadline"));
        }
        return AuthorizationResult.actionRequired(
                reference, PaymentAction.bankDetails(Json.text(r, "instructions"), expires));
    }

    private static String key(String attemptKey) {
        return "attempt/" + HexFormat.of().formatHex(sha256(attemptKey));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
