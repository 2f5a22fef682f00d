package io.caravan.stack.sandbox;

import java.util.Map;

/** An answer the gateway sends (kept whole for idempotent replays). */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    public static Reply json(int status, Object body) {
        return new Reply(status, "application/json", Json.write(body), Map.of());
    }

    public static Reply html(int status, String html) {
        return new Reply(status, "text/html; charset=utf-8", html, Map.of());
    }

    public static Reply redirect(String location) {
        return new Reply(303, "text/plain; charset=utf-8", "see " + location, Map.of("Location", location));
    }

    /** The same answer, marked as a replay of an earlier request with the same idempotency key. */
    public Reply replayed() {
        return new Reply(status, contentType, body, Map.of("Idempotent-Replayed", "true"));
    }
}
