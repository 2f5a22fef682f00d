package io.caravan.platform.marketplace.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * The configuration a plugin's schema implies when nobody configured it: every property's
 * {@code default}, and the defaults inside object properties. Used for development installs (the
 * dev folder's stores), never for a merchant's install, where the merchant decides.
 */
final class ConfigurationDefaults {
    private ConfigurationDefaults() {}

    /** @return a JSON object; {@code {}} when the schema declares no defaults */
    static String of(String schemaJson) {
        try (JsonReader reader = Json.createReader(new StringReader(schemaJson))) {
            return defaults(reader.readObject()).toString();
        }
    }

    private static JsonObject defaults(JsonObject schema) {
        JsonObjectBuilder result = Json.createObjectBuilder();
        if (schema.get("properties") instanceof JsonObject properties) {
            for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
                if (!(property.getValue() instanceof JsonObject definition)) {
                    continue;
                }
                if (definition.containsKey("default")) {
                    result.add(property.getKey(), definition.get("default"));
                } else if (definition.containsKey("properties")) {
                    JsonObject nested = defaults(definition);
                    if (!nested.isEmpty()) {
                        result.add(property.getKey(), nested);
                    }
                }
            }
        }
        return result.build();
    }
}
