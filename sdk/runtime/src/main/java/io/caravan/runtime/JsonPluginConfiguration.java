package io.caravan.runtime;

import io.caravan.sdk.plugin.PluginConfiguration;
import io.caravan.sdk.plugin.Secret;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@link PluginConfiguration} over a JSON document, following the SDK contract: values addressed
 * by JSON Pointer (RFC 6901); absent or JSON {@code null} reads as empty; a value of the wrong type
 * throws {@link IllegalStateException}; fields declared secret are readable only through
 * {@link #secret(String)}, and {@link #secret(String)} refuses undeclared pointers. Objects read
 * with {@link #object(String)} / {@link #objects(String)} keep knowing which of their fields are
 * secret.
 *
 * <p>The document given here has already been validated against the descriptor's JSON Schema by
 * the marketplace. (The test kit carries the same reading rules for plugin authors' tests.)
 */
public final class JsonPluginConfiguration implements PluginConfiguration {

    private final JsonObject root;
    private final String base;
    private final Set<String> secrets;

    private JsonPluginConfiguration(JsonObject root, String base, Set<String> secrets) {
        this.root = root;
        this.base = base;
        this.secrets = secrets;
    }

    /**
     * Parses a configuration document.
     *
     * @param json          a JSON object
     * @param secretPointers the JSON Pointers the descriptor lists in {@code configuration.secrets}
     * @return the configuration
     * @throws IllegalArgumentException if the text is not a JSON object, or a pointer is malformed
     */
    public static JsonPluginConfiguration parse(String json, Set<String> secretPointers) {
        JsonObject doc;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            doc = r.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("The configuration must be a JSON object: " + e.getMessage(), e);
        }
        for (String p : secretPointers) {
            tokens(p);
        }
        return new JsonPluginConfiguration(doc, "", Set.copyOf(secretPointers));
    }

    /**
     * The document (or the object this configuration is rooted at).
     *
     * @return the JSON object
     */
    public JsonObject json() {
        return root;
    }

    /** The reference tokens of a JSON Pointer (RFC 6901). */
    private static List<String> tokens(String p) {
        if (p == null) {
            throw new IllegalArgumentException("JSON Pointer must not be null");
        }
        if (p.isEmpty()) {
            return List.of();
        }
        if (p.charAt(0) != '/') {
            throw new IllegalArgumentException("Not a JSON Pointer (must be empty or start with '/'): \"" + p + "\"");
        }
        List<String> out = new ArrayList<>();
        for (String raw : p.substring(1).split("/", -1)) {
            if (raw.matches(".*~(?![01]).*")) {
                throw new IllegalArgumentException("Not a JSON Pointer (bad ~ escape): \"" + p + "\"");
            }
            out.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /** The value at a pointer, or null when absent (JSON null is returned as JsonValue.NULL). */
    private JsonValue lookup(String p) {
        JsonValue current = root;
        for (String token : tokens(p)) {
            if (current instanceof JsonObject o) {
                current = o.get(token);
            } else if (current instanceof JsonArray a) {
                if (!token.matches("0|[1-9][0-9]{0,8}")) {
                    return null;
                }
                int i = Integer.parseInt(token);
                current = i < a.size() ? a.get(i) : null;
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private boolean isSecret(String p) {
        String abs = base + p;
        for (String s : secrets) {
            if (abs.equals(s) || abs.startsWith(s + "/")) {
                return true;
            }
        }
        return false;
    }

    private JsonValue readable(String p) {
        if (isSecret(p)) {
            throw new IllegalStateException(base + p + " is a secret field: read it with secret(..)");
        }
        JsonValue v = lookup(p);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }

    private static IllegalStateException wrongType(String p, String expected, JsonValue v) {
        return new IllegalStateException(
                "Configuration value at " + p + " is " + v.getValueType() + ", not " + expected);
    }

    @Override
    public boolean has(String p) {
        return lookup(p) != null;
    }

    @Override
    public Optional<String> string(String p) {
        JsonValue v = readable(p);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        throw wrongType(p, "a string", v);
    }

    @Override
    public OptionalLong integer(String p) {
        JsonValue v = readable(p);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (v instanceof JsonNumber n) {
            try {
                return OptionalLong.of(n.bigDecimalValue().longValueExact());
            } catch (ArithmeticException e) {
                throw new IllegalStateException(
                        "Configuration value at " + p + " (" + n + ") is not an integer that fits a long", e);
            }
        }
        throw wrongType(p, "an integer", v);
    }

    @Override
    public Optional<BigDecimal> decimal(String p) {
        JsonValue v = readable(p);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof JsonNumber n) {
            return Optional.of(n.bigDecimalValue());
        }
        throw wrongType(p, "a number", v);
    }

    @Override
    public Optional<Boolean> bool(String p) {
        JsonValue v = readable(p);
        if (v == null) {
            return Optional.empty();
        }
        if (v == JsonValue.TRUE || v.getValueType() == JsonValue.ValueType.TRUE) {
            return Optional.of(Boolean.TRUE);
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return Optional.of(Boolean.FALSE);
        }
        throw wrongType(p, "a boolean", v);
    }

    @Override
    public List<String> strings(String p) {
        JsonValue v = readable(p);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw wrongType(p, "an array of strings", v);
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonValue item : a) {
            if (!(item instanceof JsonString s)) {
                throw new IllegalStateException("Configuration value at " + p + " is not an array of strings");
            }
            out.add(s.getString());
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<PluginConfiguration> object(String p) {
        JsonValue v = readable(p);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof JsonObject o) {
            return Optional.of(new JsonPluginConfiguration(o, base + p, secrets));
        }
        throw wrongType(p, "an object", v);
    }

    @Override
    public List<PluginConfiguration> objects(String p) {
        JsonValue v = readable(p);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw wrongType(p, "an array of objects", v);
        }
        List<PluginConfiguration> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof JsonObject o)) {
                throw new IllegalStateException("Configuration value at " + p + " is not an array of objects");
            }
            out.add(new JsonPluginConfiguration(o, base + p + "/" + i, secrets));
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<Secret> secret(String p) {
        if (!secrets.contains(base + p)) {
            throw new IllegalStateException(base + p + " is not a declared secret field (declared: " + secrets + ")");
        }
        JsonValue v = lookup(p);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v instanceof JsonString s) {
            return s.getString().isEmpty() ? Optional.empty() : Optional.of(Secret.of(s.getString()));
        }
        throw wrongType(p, "a string", v);
    }

    @Override
    public String toString() {
        return "JsonPluginConfiguration[" + (base.isEmpty() ? "/" : base) + ", secrets=" + secrets + "]";
    }
}
