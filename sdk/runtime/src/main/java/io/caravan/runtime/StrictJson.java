package io.caravan.runtime;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;

/**
 * The one way Caravan reads JSON that someone else wrote (request bodies, plugin descriptors,
 * configurations): a member named twice is an error, not "the last one wins" (a descriptor with two
 * {@code permissions} members had the first one dropped silently), and nesting deeper than
 * {@link #MAX_DEPTH} is an error, not a stack overflow. Every failure is a {@link JsonException}
 * whose message says what is wrong (Parsson's words, e.g. {@code Duplicate key 'permissions' is not
 * allowed}).
 */
public final class StrictJson {
    /** Deeper than any document Caravan accepts needs; bounded so hostile nesting costs nothing. */
    public static final int MAX_DEPTH = 64;

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of(
            JsonConfig.KEY_STRATEGY,
            JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.rejectDuplicateKeys",
            true,
            "org.eclipse.parsson.maxDepth",
            MAX_DEPTH));

    private StrictJson() {}

    /**
     * Reads one JSON value; nothing but white space may follow it.
     *
     * @param text the JSON text
     * @return the value
     * @throws JsonException if the text is not strict JSON
     */
    public static JsonValue read(String text) {
        return read(new StringReader(text));
    }

    /**
     * Reads one JSON value from a reader.
     *
     * @param text the JSON text
     * @return the value
     * @throws JsonException if the text is not strict JSON
     */
    public static JsonValue read(Reader text) {
        try (JsonReader reader = READERS.createReader(text)) {
            return reader.readValue();
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson reports nesting past its limit with a plain RuntimeException.
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("deeply nested")) {
                throw new JsonException("nested deeper than " + MAX_DEPTH + " levels", e);
            }
            throw new JsonException(message, e);
        }
    }

    /**
     * Reads a JSON object.
     *
     * @param text the JSON text
     * @return the object
     * @throws JsonException if the text is not strict JSON or not an object
     */
    public static JsonObject readObject(String text) {
        if (!(read(text) instanceof JsonObject object)) {
            throw new JsonException("not a JSON object");
        }
        return object;
    }
}
