package io.caravan.plugins.support;

import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginContext;
import io.caravan.sdk.plugin.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A provider's HTTP API (an acquirer's, a carrier's) through the platform's egress
 * ({@code context.http()}): Bearer API key,
 * the platform's key as {@code Idempotency-Key}, JSON both ways, and a timeout that is the shorter
 * of the configured one and what is left of the call's deadline (less a margin to map the answer).
 * A timeout or a connection that ends without an answer surfaces as {@link IOException}: the
 * caller must treat it as "outcome unknown", never as a failure.
 */
public final class ProviderClient {
    /** Left for reading and mapping the answer before the platform's deadline. */
    private static final Duration MARGIN = Duration.ofMillis(250);

    /** One answer: its HTTP status and its JSON object (empty when the body was not an object). */
    public record Answer(int status, Map<String, Object> body) {
        /** The provider's error code ({@code error.code}), or null. */
        public String errorCode() {
            Object error = body.get("error");
            return error instanceof Map<?, ?> ? Json.text(Json.object(error, "error"), "code") : null;
        }

        /** The provider's error message ({@code error.message}), or a generic one. */
        public String errorMessage() {
            Object error = body.get("error");
            String message = error instanceof Map<?, ?> ? Json.text(Json.object(error, "error"), "message") : null;
            return message != null ? message : "HTTP " + status;
        }
    }

    /** The request never left: the provider cannot have acted on it. */
    public static final class NotSent extends IOException {
        private static final long serialVersionUID = 1L;

        NotSent(String message) {
            super(message);
        }
    }

    private final PluginContext context;
    private final URI baseUrl;
    private final Secret apiKey;
    private final Duration timeout;

    /**
     * @param baseUrl the API's base, without a trailing slash; paths are appended
     * @param apiKey  sent as {@code Authorization: Bearer}
     * @param timeout the longest one request may take (never past the call's deadline)
     */
    public ProviderClient(PluginContext context, URI baseUrl, Secret apiKey, Duration timeout) {
        this.context = context;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** POSTs a JSON body under an idempotency key; a null key sends none. */
    public Answer post(String path, String idempotencyKey, Map<String, Object> body) throws IOException {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Authorization", List.of("Bearer " + apiKey.reveal()));
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", List.of(idempotencyKey));
        }
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Accept", List.of("application/json"));
        return send(new EgressRequest(
                "POST", uri(path), headers, Json.write(body).getBytes(StandardCharsets.UTF_8), timeout()));
    }

    /** GETs a path. */
    public Answer get(String path) throws IOException {
        return send(new EgressRequest(
                "GET",
                uri(path),
                Map.of(
                        "Authorization", List.of("Bearer " + apiKey.reveal()),
                        "Accept", List.of("application/json")),
                null,
                timeout()));
    }

    /** A value encoded for a path segment or a query. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer send(EgressRequest request) throws IOException {
        EgressResponse response = context.http().send(request);
        Map<String, Object> body;
        try {
            Object parsed = Json.parse(response.bodyAsString());
            body = parsed instanceof Map<?, ?> ? Json.object(parsed, "answer") : Map.of();
        } catch (IllegalArgumentException notJson) {
            body = Map.of();
        }
        return new Answer(response.status(), body);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Duration timeout() throws NotSent {
        Duration left =
                Duration.between(context.clock().instant(), context.deadline()).minus(MARGIN);
        if (left.isNegative() || left.isZero()) {
            throw new NotSent("no time is left before the call's deadline; nothing was sent");
        }
        return left.compareTo(timeout) < 0 ? left : timeout;
    }
}
