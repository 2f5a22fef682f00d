package io.caravan.platform.marketplace.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Pointer reads and edits on configuration objects that, unlike JSON-P's JsonPointer, treat a
 * missing parent as absent (Parsson's throws) and create missing parent objects on set.
 * Only object members are addressed: secret fields live in objects, never in arrays.
 */
final class JsonPointers {
    private JsonPointers() {}

    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** The value, or null when absent (JSON null is returned as {@link JsonValue#NULL}). */
    static JsonValue get(JsonObject document, String pointer) {
        JsonValue current = document;
        for (String token : tokens(pointer)) {
            if (!(current instanceof JsonObject object) || !object.containsKey(token)) {
                return null;
            }
            current = object.get(token);
        }
        return current;
    }

    static JsonObject set(JsonObject document, String pointer, JsonValue value) {
        return set(document, tokens(pointer), 0, value);
    }

    private static JsonObject set(JsonObject object, List<String> tokens, int depth, JsonValue value) {
        String token = tokens.get(depth);
        JsonObjectBuilder builder = Json.createObjectBuilder(object);
        if (depth == tokens.size() - 1) {
            return builder.add(token, value).build();
        }
        JsonValue child = object.get(token);
        JsonObject childObject = child instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        return builder.add(token, set(childObject, tokens, depth + 1, value)).build();
    }

    static JsonObject remove(JsonObject document, String pointer) {
        return remove(document, tokens(pointer), 0);
    }

    private static JsonObject remove(JsonObject object, List<String> tokens, int depth) {
        String token = tokens.get(depth);
        if (!object.containsKey(token)) {
            return object;
        }
        JsonObjectBuilder builder = Json.createObjectBuilder(object);
        if (depth == tokens.size() - 1) {
            return builder.remove(token).build();
        }
        if (!(object.get(token) instanceof JsonObject child)) {
            return object;
        }
        return builder.add(token, remove(child, tokens, depth + 1)).build();
    }
}
