package io.caravan.sdk.plugin;

import io.caravan.sdk.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook call from a provider (a payment provider's outcome, a carrier's tracking event), as the
 * platform received it on the store's notification URL for this plugin's installation. Unverified:
 * anyone can call that URL. The inbound twin of {@link EgressRequest}: shared by every kind whose
 * provider calls back ({@code PaymentNotificationHandler}, {@code TrackingNotificationHandler}).
 *
 * @param headers    the request headers, names lower case (signatures usually travel in one)
 * @param body       the raw request body, exactly as received (signatures are computed over
 *                   it); the record holds its own copy and returns a copy
 * @param receivedAt when the platform received it
 */
public record ProviderNotification(Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public ProviderNotification {
        headers = Checks.headers(headers, "ProviderNotification.headers");
        body = Checks.bytes(body);
        Checks.required(receivedAt, "ProviderNotification.receivedAt");
    }

    /**
     * The raw body bytes.
     *
     * @return a copy of the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the body text
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Equal when every component is, bodies compared by content.
     *
     * @param other another object
     * @return whether the two are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderNotification n
                && headers.equals(n.headers)
                && Arrays.equals(body, n.body)
                && receivedAt.equals(n.receivedAt);
    }

    /**
     * A hash of every component, the body by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(headers, Arrays.hashCode(body), receivedAt);
    }

    /**
     * Size and time only (bodies may hold personal data).
     *
     * @return e.g. {@code ProviderNotification[512 bytes, receivedAt=...]}
     */
    @Override
    public String toString() {
        return "ProviderNotification[" + body.length + " bytes, receivedAt=" + receivedAt + "]";
    }
}
