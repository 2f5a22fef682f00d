package io.caravan.runtime;

import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.plugin.DataScope;
import io.caravan.sdk.plugin.Extension;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.Permissions;
import io.caravan.sdk.plugin.PluginDescriptor;
import io.caravan.sdk.plugin.PluginKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one reader of {@code OSGI-INF/caravan-plugin.json}: into the SDK's {@link PluginDescriptor},
 * whose constructor is the validation (see its Javadoc for the file format). Unknown members are
 * errors, so a misspelt {@code permissions} key is refused instead of silently becoming "no
 * permissions". Every error names the member. The platform's host and upload check and the test
 * kit all read descriptors with it.
 */
public final class PluginDescriptorReader {
    private static final Set<String> TOP =
            Set.of("id", "name", "version", "sdk", "kinds", "extensions", "configuration", "permissions");
    private static final Set<String> EXTENSION = Set.of("point", "class", "failurePolicy");
    private static final Set<String> CONFIGURATION = Set.of("schema", "secrets");
    private static final Set<String> PERMISSIONS = Set.of("egressHosts", "events", "data");

    private PluginDescriptorReader() {}

    /**
     * Reads a descriptor.
     *
     * @param json the file's text
     * @return the descriptor, validated by the SDK record's constructor
     * @throws InvalidDescriptorException naming the member at fault
     */
    public static PluginDescriptor read(String json) {
        JsonObject root;
        try {
            root = StrictJson.readObject(json);
        } catch (JsonException e) {
            // A member named twice is refused: "the last one wins" dropped a first permissions member unseen.
            throw new InvalidDescriptorException("is not a JSON object: " + e.getMessage());
        }
        onlyMembers(root, TOP, "");
        List<Extension> extensions = new ArrayList<>();
        JsonArray array = array(root, "extensions", "");
        for (int i = 0; i < array.size(); i++) {
            String where = "extensions[" + i + "].";
            if (!(array.get(i) instanceof JsonObject ext)) {
                throw new InvalidDescriptorException(where.substring(0, where.length() - 1) + " must be an object");
            }
            onlyMembers(ext, EXTENSION, where);
            extensions.add(new Extension(
                    constant(
                            ExtensionPoint::valueOf,
                            string(ext, "point", where),
                            where + "point",
                            ExtensionPoint.class),
                    string(ext, "class", where),
                    constant(
                            FailurePolicy::valueOf,
                            string(ext, "failurePolicy", where),
                            where + "failurePolicy",
                            FailurePolicy.class)));
        }
        String schema = "{\"type\":\"object\",\"additionalProperties\":false}";
        Set<String> secrets = Set.of();
        if (root.containsKey("configuration")) {
            JsonObject configuration = object(root, "configuration", "");
            onlyMembers(configuration, CONFIGURATION, "configuration.");
            if (configuration.containsKey("schema")) {
                schema = object(configuration, "schema", "configuration.").toString();
            }
            if (configuration.containsKey("secrets")) {
                secrets = strings(configuration, "secrets", "configuration.", Function.identity(), String.class);
            }
        }
        Permissions permissions = Permissions.none();
        if (root.containsKey("permissions")) {
            JsonObject p = object(root, "permissions", "");
            onlyMembers(p, PERMISSIONS, "permissions.");
            try {
                permissions = new Permissions(
                        p.containsKey("egressHosts")
                                ? strings(p, "egressHosts", "permissions.", Function.identity(), String.class)
                                : Set.of(),
                        p.containsKey("events")
                                ? strings(p, "events", "permissions.", OrderEventType::valueOf, OrderEventType.class)
                                : Set.of(),
                        p.containsKey("data")
                                ? strings(p, "data", "permissions.", DataScope::valueOf, DataScope.class)
                                : Set.of());
            } catch (IllegalArgumentException e) {
                throw new InvalidDescriptorException(e.getMessage());
            }
        }
        try {
            return new PluginDescriptor(
                    string(root, "id", ""),
                    string(root, "name", ""),
                    string(root, "version", ""),
                    string(root, "sdk", ""),
                    strings(root, "kinds", "", PluginKind::valueOf, PluginKind.class),
                    extensions,
                    schema,
                    secrets,
                    permissions);
        } catch (IllegalArgumentException e) {
            throw new InvalidDescriptorException(e.getMessage());
        }
    }

    private static void onlyMembers(JsonObject o, Set<String> allowed, String where) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidDescriptorException("has an unknown member \"" + where + key + "\"; allowed here: "
                        + allowed.stream().sorted().toList());
            }
        }
    }

    private static String string(JsonObject o, String name, String where) {
        JsonValue v = o.get(name);
        if (!(v instanceof JsonString s)) {
            throw new InvalidDescriptorException("member \"" + where + name + "\" must be a string");
        }
        return s.getString();
    }

    private static JsonObject object(JsonObject o, String name, String where) {
        if (!(o.get(name) instanceof JsonObject value)) {
            throw new InvalidDescriptorException("member \"" + where + name + "\" must be an object");
        }
        return value;
    }

    private static JsonArray array(JsonObject o, String name, String where) {
        if (!(o.get(name) instanceof JsonArray value)) {
            throw new InvalidDescriptorException("member \"" + where + name + "\" must be an array");
        }
        return value;
    }

    private static <T> Set<T> strings(
            JsonObject o, String name, String where, Function<String, T> parse, Class<?> type) {
        Set<T> result = new LinkedHashSet<>();
        JsonArray values = array(o, name, where);
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof JsonString s)) {
                throw new InvalidDescriptorException("member \"" + where + name + "[" + i + "]\" must be a string");
            }
            T value = constant(parse, s.getString(), where + name + "[" + i + "]", type);
            if (!result.add(value)) {
                throw new InvalidDescriptorException(
                        "member \"" + where + name + "\" lists " + s.getString() + " twice");
            }
        }
        return result;
    }

    private static <T> T constant(Function<String, T> parse, String value, String member, Class<?> type) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            if (type.isEnum()) {
                List<String> known = new ArrayList<>();
                for (Object c : type.getEnumConstants()) {
                    known.add(((Enum<?>) c).name());
                }
                throw new InvalidDescriptorException(
                        "member \"" + member + "\" is \"" + value + "\"; expected one of " + known);
            }
            throw new InvalidDescriptorException("member \"" + member + "\": " + e.getMessage());
        }
    }
}
