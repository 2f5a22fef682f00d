package io.caravan.sdk.plugin;

import io.caravan.sdk.internal.Checks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP request for {@link EgressHttp#send(EgressRequest)}. Build one with {@link #get(URI)} or
 * {@link #post(URI, String, String)} and add headers with {@link #withHeader(String, String)}.
 *
 * @param method  {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} or {@code HEAD}
 * @param uri     an absolute {@code https} or {@code http} URI with a host (the platform sends plain
 *                {@code http} only to loopback hosts, in tests),
 *                without user info
 * @param headers header names (stored lower case) to values; the platform sets {@code host},
 *                {@code content-length}, {@code connection} and the other transport headers itself
 *                and refuses them here
 * @param body    the body bytes, empty for none; the record holds its own copy and returns a copy
 * @param timeout how long to wait for the response, or null for "until the call's deadline"
 */
public record EgressRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body, Duration timeout) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Set<String> TRANSPORT_HEADERS = Set.of(
            "host",
            "content-length",
            "connection",
            "transfer-encoding",
            "upgrade",
            "expect",
            "keep-alive",
            "te",
            "trailer",
            "proxy-authorization");

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public EgressRequest {
        Checks.required(method, "EgressRequest.method");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("EgressRequest.method must be one of " + METHODS + ", was " + method);
        }
        Checks.required(uri, "EgressRequest.uri");
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(
                    "EgressRequest.uri must be an absolute http(s) URI with a host, was " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("EgressRequest.uri must not carry user info; use a header");
        }
        headers = Checks.headers(headers, "EgressRequest.headers");
        for (String name : headers.keySet()) {
            if (TRANSPORT_HEADERS.contains(name)) {
                throw new IllegalArgumentException(
                        "EgressRequest.headers must not set " + name + "; the platform sets it");
            }
        }
        body = Checks.bytes(body);
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("EgressRequest.timeout must be positive, was " + timeout);
        }
    }

    /**
     * A {@code GET} without headers.
     *
     * @param uri the URI
     * @return the request
     */
    public static EgressRequest get(URI uri) {
        return new EgressRequest("GET", uri, Map.of(), null, null);
    }

    /**
     * A {@code POST} of a text body (JSON, form data) encoded as UTF-8.
     *
     * @param uri         the URI
     * @param contentType the {@code content-type}, e.g. {@code "application/json"}
     * @param body        the body text
     * @return the request
     */
    public static EgressRequest post(URI uri, String contentType, String body) {
        Checks.required(body, "EgressRequest.body");
        return new EgressRequest(
                "POST", uri, Map.of("content-type", List.of(contentType)), body.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * This request with one more header value.
     *
     * @param name  the header name
     * @param value the value
     * @return a new request
     */
    public EgressRequest withHeader(String name, String value) {
        String key = Checks.text(name, "EgressRequest.headers name", 256).toLowerCase(Locale.ROOT);
        Checks.required(value, "EgressRequest.headers[" + key + "]");
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(more.getOrDefault(key, List.of()));
        values.add(value);
        more.put(key, values);
        return new EgressRequest(method, uri, more, body, timeout);
    }

    /**
     * This request with a response timeout (still bounded by the call's deadline).
     *
     * @param timeout positive
     * @return a new request
     */
    public EgressRequest withTimeout(Duration timeout) {
        return new EgressRequest(method, uri, headers, body, timeout);
    }

    /**
     * The body bytes.
     *
     * @return a copy of the body, empty for none
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * Equal when every component is, bodies compared by content.
     *
     * @param other another object
     * @return whether the two are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof EgressRequest r
                && method.equals(r.method)
                && uri.equals(r.uri)
                && headers.equals(r.headers)
                && Arrays.equals(body, r.body)
                && Objects.equals(timeout, r.timeout);
    }

    /**
     * A hash of every component, the body by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body), timeout);
    }

    /**
     * Method and URI only: headers often carry credentials.
     *
     * @return e.g. {@code EgressRequest[POST https://api.example.com/v1/quotes, 120 bytes]}
     */
    @Override
    public String toString() {
        return "EgressRequest[" + method + " " + uri + ", " + body.length + " bytes]";
    }
}
