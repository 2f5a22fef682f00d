package io.caravan.plugins.payments;

import io.caravan.sdk.plugin.EgressRequest;
import io.caravan.sdk.plugin.EgressResponse;
import io.caravan.sdk.plugin.PluginContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The acquirer's HTTP API through the platform's egress ({@code context.http()}): Bearer API key,
 * the platform's key as {@code Idempotency-Key}, JSON both ways, and a timeout that is the shorter
 * of the configured one and what is left of the call's deadline (less a margin to map the answer).
 * A timeout or a connection that ends without an answer surfaces as {@link IOException}: the
 * caller must treat it as "outcome unknown", never as a failure.
 */
final class AcquirerClient {
    /** Left for reading and mapping the answer before the platform's deadline. */
    private static final Duration MARGIN = Duration.ofMillis(250);

    /** One answer: its HTTP status and its JSON object (empty when the body was not an object). */
    record Answer(int status, Map<String, Object> body) {
        /** The acquirer's error code ({@code error.code}), or null. */
        String errorCode() {
            Object error = body.get("error");
            return error instanceof Map<?, ?> ? Json.text(Json.object(error, "error"), "code") : null;
        }

        /** The acquirer's error message ({@code error.message}), or a generic one. */
        String errorMessage() {
            Object error = body.get("error");
            String message = error instanceof Map<?, ?> ? Json.text(Json.object(error, "error"), "message") : null;
            return message != null ? message : "HTTP " + status;
        }
    }

    /** The request never left: the acquirer cannot have acted on it. */
    static final class NotSent extends IOException {
        private static final long serialVersionUID = 1L;

        NotSent(String message) {
            super(message);
        }
    }

    private final PluginContext context;
    private final AcquirerSettings settings;

    AcquirerClient(PluginContext context, AcquirerSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    Answer post(String path, String idempotencyKey, Map<String, Object> body) throws IOException {
        return send(new EgressRequest(
                "POST",
                uri(path),
                Map.of(
                        "Authorization", List.of("Bearer " + settings.apiKey().reveal()),
                        "Idempotency-Key", List.of(idempotencyKey),
                        "Content-Type", List.of("application/json"),
                        "Accept", List.of("application/json")),
                Json.write(body).getBytes(StandardCharsets.UTF_8),
                timeout()));
    }

    Answer get(String path) throws IOException {
        return send(new EgressRequest(
                "GET",
                uri(path),
                Map.of(
                        "Authorization", List.of("Bearer " + settings.apiKey().reveal()),
                        "Accept", List.of("application/json")),
                null,
                timeout()));
    }

    static String query(String value) {
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
        return URI.create(settings.baseUrl() + path);
    }

    private Duration timeout() throws NotSent {
        Duration left =
                Duration.between(context.clock().instant(), context.deadline()).minus(MARGIN);
        if (left.isNegative() || left.isZero()) {
            throw new NotSent("no time is left before the call's deadline; nothing was sent");
        }
        return left.compareTo(settings.timeout()) < 0 ? left : settings.timeout();
    }
}
