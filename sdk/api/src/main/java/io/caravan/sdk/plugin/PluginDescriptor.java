package io.caravan.sdk.plugin;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.OrderEventType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a plugin is and what it asks for, read by the platform from the JSON file at
 * {@link #RESOURCE_PATH} inside the plugin's bundle when the bundle is uploaded, and shown to the
 * merchant before installing.
 *
 * <h2>The file</h2>
 * UTF-8 JSON, one object:
 * <pre>{@code
 * {
 *   "id": "acme-tax",                              // see id below
 *   "name": "ACME Tax & Duties",
 *   "version": "1.2.0",                            // must equal the bundle's Bundle-Version
 *   "sdk": "[1.0,2.0)",                            // OSGi range of SDK versions it works with
 *   "kinds": ["TAX"],                              // PluginKind names
 *   "extensions": [                                // one entry per ExtensionPoint provided
 *     { "point": "TAX_CALCULATOR", "class": "com.acme.tax.AcmeTaxCalculator", "failurePolicy": "FAIL_CLOSED" },
 *     { "point": "HEALTH", "class": "com.acme.tax.AcmeHealth", "failurePolicy": "FAIL_OPEN" }
 *   ],
 *   "configuration": {
 *     "schema": { "type": "object", "properties": { ... } },   // JSON Schema 2020-12
 *     "secrets": ["/ratesApi/apiKey"]                         // JSON Pointers into the configuration
 *   },
 *   "permissions": {
 *     "egressHosts": ["rates.acme.example"],
 *     "events": ["REFUNDED"],                      // OrderEventType names
 *     "data": ["ADDRESS_LINES"]                    // DataScope names
 *   }
 * }
 * }</pre>
 * Comments are shown for explanation only; the file must be plain JSON. {@code configuration} and
 * {@code permissions} may be omitted (no configuration: an empty object schema; no permissions:
 * {@link Permissions#none()}), as may each member of {@code permissions}. Unknown members are an
 * error, so a typo does not silently drop a permission. The platform parses the file into this
 * record; the record's validation is the file's validation. Members map to components as their
 * names say, except {@code sdk} → {@link #sdkRange()}, {@code extensions[].class} →
 * {@link Extension#className()}, {@code configuration.schema} (an object, kept as its JSON text) →
 * {@link #configurationSchema()} and {@code configuration.secrets} → {@link #secretFields()}.
 *
 * @param id                  the plugin's stable id across versions: lower case letters and digits,
 *                            words separated by {@code -} or {@code .}, at most 64 characters
 *                            ({@code "acme-tax"}, {@code "com.acme.tax"})
 * @param name                the name the marketplace shows; at most 100 characters
 * @param version             the plugin version, {@code major.minor.micro} with an optional
 *                            {@code .qualifier}; equal to the bundle's {@code Bundle-Version}
 * @param sdkRange            the SDK versions the plugin works with, as an OSGi version range
 *                            ({@code "[1.0,2.0)"}) or a minimum version ({@code "1.0"})
 * @param kinds               the kinds the plugin is listed under; at least one
 * @param extensions          the extension points provided; at least one, each point at most once,
 *                            each point's kind among {@code kinds}, and every kind provided by at least one
 * @param configurationSchema the JSON Schema (2020-12) of the store's configuration, as JSON text
 * @param secretFields        JSON Pointers of the configuration fields that are secrets: stored
 *                            encrypted, never shown back, readable only through
 *                            {@link PluginConfiguration#secret(String)}
 * @param permissions         what the plugin asks to be allowed; an {@link ExtensionPoint#ORDER_EVENTS}
 *                            extension needs at least one event, and events need that extension
 */
public record PluginDescriptor(
        String id,
        String name,
        String version,
        String sdkRange,
        Set<PluginKind> kinds,
        List<Extension> extensions,
        String configurationSchema,
        Set<String> secretFields,
        Permissions permissions) {

    /** Where the descriptor is inside a plugin bundle. */
    public static final String RESOURCE_PATH = "OSGI-INF/caravan-plugin.json";

    /** The longest configuration schema accepted, in characters: 64 KiB. */
    public static final int MAX_SCHEMA_LENGTH = 64 * 1024;

    private static final String VERSION = "[0-9]+(?:\\.[0-9]+){0,2}";
    private static final String QUALIFIED_VERSION = "[0-9]+\\.[0-9]+\\.[0-9]+(?:\\.[A-Za-z0-9_-]+)?";
    private static final String RANGE = "[\\[(]" + VERSION + ",\\s*" + VERSION + "[\\])]|" + VERSION;
    private static final String JSON_POINTER = "(?:/(?:[^/~]|~[01])+)+";

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid or the components contradict each
     *                                  other; the message names the field
     */
    public PluginDescriptor {
        Checks.text(id, "PluginDescriptor.id", 64);
        Checks.matches(
                id,
                "PluginDescriptor.id",
                "[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*",
                "lower-case words of letters and digits separated by '-' or '.'");
        Checks.text(name, "PluginDescriptor.name", 100);
        Checks.matches(version, "PluginDescriptor.version", QUALIFIED_VERSION, "major.minor.micro[.qualifier]");
        Checks.matches(sdkRange, "PluginDescriptor.sdkRange", RANGE, "an OSGi version range such as [1.0,2.0)");
        kinds = Checks.set(kinds, "PluginDescriptor.kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("PluginDescriptor.kinds must not be empty");
        }
        extensions = Checks.nonEmptyList(extensions, "PluginDescriptor.extensions");
        Set<ExtensionPoint> points = EnumSet.noneOf(ExtensionPoint.class);
        Set<PluginKind> provided = EnumSet.noneOf(PluginKind.class);
        for (int i = 0; i < extensions.size(); i++) {
            ExtensionPoint point = extensions.get(i).point();
            if (!points.add(point)) {
                throw new IllegalArgumentException(
                        "PluginDescriptor.extensions[" + i + "] provides " + point + " a second time");
            }
            if (point.kind() != null) {
                if (!kinds.contains(point.kind())) {
                    throw new IllegalArgumentException("PluginDescriptor.extensions[" + i + "] provides " + point
                            + " of kind " + point.kind() + ", which is not among the kinds " + kinds);
                }
                provided.add(point.kind());
            }
        }
        for (PluginKind kind : kinds) {
            if (!provided.contains(kind)) {
                throw new IllegalArgumentException(
                        "PluginDescriptor.kinds lists " + kind + " but no extension of that kind is provided");
            }
        }
        Checks.text(configurationSchema, "PluginDescriptor.configurationSchema", MAX_SCHEMA_LENGTH);
        if (!configurationSchema.strip().startsWith("{")) {
            throw new IllegalArgumentException("PluginDescriptor.configurationSchema must be a JSON object");
        }
        secretFields = Checks.set(secretFields, "PluginDescriptor.secretFields");
        for (String pointer : secretFields) {
            Checks.matches(
                    pointer, "PluginDescriptor.secretFields element", JSON_POINTER, "a JSON Pointer such as /apiKey");
        }
        Checks.required(permissions, "PluginDescriptor.permissions");
        Set<OrderEventType> events = permissions.events();
        if (points.contains(ExtensionPoint.ORDER_EVENTS) && events.isEmpty()) {
            throw new IllegalArgumentException("PluginDescriptor.permissions.events must name at least one event"
                    + " when ORDER_EVENTS is provided");
        }
        if (!points.contains(ExtensionPoint.ORDER_EVENTS) && !events.isEmpty()) {
            throw new IllegalArgumentException(
                    "PluginDescriptor.permissions.events needs an ORDER_EVENTS extension" + " to deliver them to");
        }
    }

    /**
     * The extension that provides a point.
     *
     * @param point an extension point
     * @return the extension, or empty if the plugin does not provide the point
     */
    public Optional<Extension> extension(ExtensionPoint point) {
        return extensions.stream().filter(e -> e.point() == point).findFirst();
    }
}
