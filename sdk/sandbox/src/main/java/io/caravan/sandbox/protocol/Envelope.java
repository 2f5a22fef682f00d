package io.caravan.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One frame's content: what kind of message it is and its body.
 *
 * @param type one of the message types of {@link SandboxProtocol}
 * @param body the message, read with {@link SandboxJson#read(JsonNode, Class)}
 */
public record Envelope(String type, JsonNode body) {
    /** Checks that both parts are present. */
    public Envelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }
}
