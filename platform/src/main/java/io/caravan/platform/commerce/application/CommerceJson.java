package io.caravan.platform.commerce.application;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/** The one JSON-B instance for the store runtime's stored documents (requests, quotes, snapshots). */
public final class CommerceJson {
    // Jsonb is thread-safe and costly to build: one for the context.
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private CommerceJson() {}

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
