package io.caravan.plugins.support;

import io.caravan.sdk.plugin.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook signature providers use ({@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}):
 * the sandbox gateway's {@code Sandbox-Signature}, the sandbox carrier's {@code Carrier-Signature}.
 */
public final class WebhookSignature {
    private WebhookSignature() {}

    /**
     * Whether a {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} header signs this body
     * with this secret, at a time within {@code tolerance} of now (an old, correctly signed message
     * is a replay). Every {@code v1} candidate is compared in constant time.
     */
    public static boolean verifies(String header, byte[] body, Secret secret, Instant now, Duration tolerance) {
        String t = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("t=")) {
                t = p.substring(2);
            } else if (p.startsWith("v1=")) {
                signatures.add(p.substring(3));
            }
        }
        if (t == null || signatures.isEmpty() || !t.matches("[0-9]{1,12}")) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(t));
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hmac(secret, t, body).getBytes(StandardCharsets.US_ASCII);
        boolean any = false;
        for (String candidate : signatures) {
            // constant time per candidate; every candidate is compared
            any |= MessageDigest.isEqual(
                    expected, candidate.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        }
        return any;
    }

    /** The hex HMAC-SHA256 of {@code t + '.' + body} with the secret. */
    public static String hmac(Secret secret, String t, byte[] body) {
        return HexFormat.of()
                .formatHex(HmacSha256.mac(
                        secret.reveal().getBytes(StandardCharsets.UTF_8),
                        t.getBytes(StandardCharsets.US_ASCII),
                        new byte[] {'.'},
                        body));
    }

    /** The first value of a header, its name compared without regard to case. */
    public static Optional<String> header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().getFirst());
            }
        }
        return Optional.empty();
    }
}
