package io.caravan.platform.commerce.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.caravan.sandbox.protocol.SandboxJson;
import java.io.UncheckedIOException;

/**
 * The store runtime's stored documents (checkout requests, quotes, order snapshots, stored answers)
 * as JSON, with the one mapper the platform already uses for SDK records (the sandbox protocol's:
 * records through their canonical constructors, unknown fields refused, decimals keep their scale),
 * so a stored document reads back exactly as it was written.
 */
public final class CommerceJson {
    private CommerceJson() {}

    public static String write(Object value) {
        try {
            return SandboxJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return SandboxJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
