package io.caravan.sdk.plugin;

import io.caravan.sdk.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The response to an {@link EgressRequest}.
 *
 * @param status  the HTTP status code, 100 to 599
 * @param headers header names (lower case) to values
 * @param body    the body bytes, empty for none; the record holds its own copy and returns a copy
 */
public record EgressResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if the status is out of range or a header is invalid
     */
    public EgressResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("EgressResponse.status must be 100 to 599, was " + status);
        }
        headers = Checks.headers(headers, "EgressResponse.headers");
        body = Checks.bytes(body);
    }

    /**
     * Whether the status is 2xx.
     *
     * @return {@code true} for 200 to 299
     */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the first value, or empty if the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body bytes.
     *
     * @return a copy of the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body decoded as UTF-8 (JSON, XML and form responses).
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
        return other instanceof EgressResponse r
                && status == r.status
                && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    /**
     * A hash of every component, the body by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /**
     * Status and size only.
     *
     * @return e.g. {@code EgressResponse[200, 512 bytes]}
     */
    @Override
    public String toString() {
        return "EgressResponse[" + status + ", " + body.length + " bytes]";
    }
}
