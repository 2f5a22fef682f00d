package io.caravan.platform.marketplace.application;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.runtime.StrictJson;
import io.caravan.sdk.plugin.PluginDescriptor;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a store's configuration of a plugin against the JSON Schema (2020-12) its descriptor
 * declares, and separates the secret fields (the descriptor's JSON Pointers) from the rest so they
 * can be encrypted apart and never shown again. Compiled schemas are cached per release. Messages
 * name the field and the rule, never a secret's value; at most ten are reported.
 *
 * <p>Secret fields are write-only: omitted in a new configuration, the stored value is kept; sent
 * as JSON {@code null}, it is cleared; sent as a string, it replaces the stored one.
 */
public final class ConfigurationValidator {
    private static final int MAX_MESSAGES = 10;
    public static final int MAX_CONFIGURATION_CHARS = 60_000;

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .regularExpressionFactory(EndAnchoredPatterns.INSTANCE)
            .build();
    /** Past a double's range a number reads as infinity in Jackson (the schema checks) and in most plugins. */
    private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** A valid configuration: what may be shown, and the secret values by JSON Pointer. */
    public record Validated(String publicJson, Map<String, String> secrets) {
        public Validated {
            secrets = Map.copyOf(secrets);
        }
    }

    /** Keywords whose message is about a member of the instance, named by the message's property. */
    private static final java.util.Set<String> ABOUT_A_MEMBER = java.util.Set.of(
            "required",
            "additionalProperties",
            "unevaluatedProperties",
            "dependentRequired",
            "dependencies",
            "propertyNames");

    /** The request's name of the field a schema message is about: {@code configuration.credentials.apiKey}. */
    static String field(ValidationMessage message) {
        StringBuilder field = new StringBuilder("configuration");
        com.networknt.schema.JsonNodePath at = message.getInstanceLocation();
        for (int i = 0; at != null && i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append('.').append(element);
            }
        }
        if (message.getProperty() != null && ABOUT_A_MEMBER.contains(message.getType())) {
            field.append('.').append(message.getProperty());
        }
        return field.toString();
    }

    /**
     * @param releaseId       cache key of the compiled schema
     * @param json            the configuration as sent (null means an empty object)
     * @param storedSecrets   the installation's current secret values (empty for a new one)
     * @throws InvalidInputException naming every problem found (up to ten)
     */
    public Validated validate(
            String releaseId, PluginDescriptor descriptor, String json, Map<String, String> storedSecrets) {
        String text = json == null || json.isBlank() ? "{}" : json;
        if (text.length() > MAX_CONFIGURATION_CHARS) {
            throw new InvalidInputException("configuration is longer than " + MAX_CONFIGURATION_CHARS + " characters");
        }
        JsonObject document;
        try {
            document = StrictJson.readObject(text);
        } catch (JsonException e) {
            throw new InvalidInputException(
                    "not a JSON object".equals(e.getMessage())
                            ? "configuration must be a JSON object"
                            : "configuration is not valid JSON: " + e.getMessage());
        }
        List<String> numbers = new ArrayList<>();
        unreadableNumbers(document, "", numbers);
        if (!numbers.isEmpty()) {
            throw new InvalidInputException("configuration of " + descriptor.id() + " " + descriptor.version()
                    + " has numbers no plugin can read: " + String.join("; ", numbers));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String pointer : descriptor.secretFields()) {
            JsonValue sent = JsonPointers.get(document, pointer);
            if (sent == null) {
                String kept = storedSecrets.get(pointer);
                if (kept != null) {
                    secrets.put(pointer, kept);
                    document = JsonPointers.set(document, pointer, Json.createValue(kept));
                }
            } else if (sent == JsonValue.NULL) {
                document = JsonPointers.remove(document, pointer);
            } else if (sent instanceof JsonString s) {
                if (!s.getString().isEmpty()) {
                    secrets.put(pointer, s.getString());
                } else {
                    document = JsonPointers.remove(document, pointer);
                }
            } else {
                throw new InvalidInputException("configuration field " + pointer + " is a secret and must be a string");
            }
        }
        JsonSchema schema =
                schemas.computeIfAbsent(releaseId, id -> factory.getSchema(descriptor.configurationSchema(), CONFIG));
        List<InvalidInputException.FieldIssue> problems =
                schema.validate(document.toString(), InputFormat.JSON).stream()
                        .map(m -> new InvalidInputException.FieldIssue(
                                field(m),
                                redact(m.getError() != null ? m.getError() : m.getMessage(), secrets) + " (schema of "
                                        + descriptor.id() + " " + descriptor.version() + ")"))
                        .sorted(java.util.Comparator.comparing(InvalidInputException.FieldIssue::field)
                                .thenComparing(InvalidInputException.FieldIssue::message))
                        .limit(MAX_MESSAGES)
                        .toList();
        if (!problems.isEmpty()) {
            // every field at fault in errors[], named as the request names it (configuration.a.b[0]),
            // so that a form can show each message on its own field
            throw new InvalidInputException(problems);
        }
        JsonObject shown = document;
        for (String pointer : descriptor.secretFields()) {
            shown = JsonPointers.remove(shown, pointer);
        }
        return new Validated(shown.toString(), secrets);
    }

    /** Every number (by JSON Pointer) outside a double's range: a schema could not judge it, nor a plugin read it. */
    private static void unreadableNumbers(JsonValue value, String pointer, List<String> found) {
        if (value instanceof JsonNumber number) {
            if (number.bigDecimalValue().abs().compareTo(LARGEST) > 0) {
                found.add((pointer.isEmpty() ? "/" : pointer) + " is beyond ±" + Double.MAX_VALUE);
            }
        } else if (value instanceof JsonObject object) {
            object.forEach((key, member) -> unreadableNumbers(
                    member, pointer + "/" + key.replace("~", "~0").replace("/", "~1"), found));
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                unreadableNumbers(array.get(i), pointer + "/" + i, found);
            }
        }
    }

    /** Schema messages may quote the offending value; a secret's value must never be echoed. */
    private static String redact(String message, Map<String, String> secrets) {
        String result = message;
        for (String secret : secrets.values()) {
            if (secret.length() >= 4) {
                result = result.replace(secret, "***");
            }
        }
        return result;
    }
}
