package io.caravan.sdk.payments;

import io.caravan.sdk.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A provider session opened for one payment attempt: what the shopper's client component needs.
 *
 * @param providerSessionId the provider's id for the session, sent back in
 *                          {@link AuthorizationRequest#providerSessionId()}; at most 128 characters
 * @param clientData        what the provider's client SDK needs (a client secret, a session blob),
 *                          passed to the storefront as is; keys and values together at most
 *                          {@link #MAX_CLIENT_DATA_BYTES} bytes in UTF-8
 * @param expiresAt         when the session lapses at the provider, or null if it does not say
 */
public record PaymentSession(String providerSessionId, Map<String, String> clientData, Instant expiresAt) {

    /** The most bytes {@link #clientData()} may hold, keys and values in UTF-8: 8 KiB. */
    public static final int MAX_CLIENT_DATA_BYTES = 8 * 1024;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public PaymentSession {
        Checks.text(providerSessionId, "PaymentSession.providerSessionId", 128);
        clientData = Checks.map(clientData, "PaymentSession.clientData");
        long bytes = 0;
        for (Map.Entry<String, String> e : clientData.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_CLIENT_DATA_BYTES) {
            throw new IllegalArgumentException(
                    "PaymentSession.clientData must hold at most " + MAX_CLIENT_DATA_BYTES + " bytes, held " + bytes);
        }
    }
}
