package io.caravan.sdk.plugin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A store's configuration of a plugin: the JSON document the merchant entered, validated against
 * the JSON Schema in the plugin's descriptor before the plugin ever sees it. Values are addressed
 * with JSON Pointers (RFC 6901), e.g. {@code "/registrations/ioss/number"} or {@code "/apiKey"}.
 *
 * <p>Reading a value with the wrong type (a string as a number, an object as a string) throws
 * {@link IllegalStateException}; with a schema that declares the types, that is a plugin bug.
 * Fields the descriptor lists as secret can only be read through {@link #secret(String)}.
 */
@ProviderType
public interface PluginConfiguration {

    /**
     * Whether the document has a value (of any type, {@code null} included) at a pointer.
     *
     * @param pointer a JSON Pointer, e.g. {@code "/oss/registered"}
     * @return {@code true} if a value is present
     */
    boolean has(String pointer);

    /**
     * A string value.
     *
     * @param pointer a JSON Pointer
     * @return the string, or empty if absent or JSON {@code null}
     * @throws IllegalStateException if the value is not a string, or is a secret field
     */
    Optional<String> string(String pointer);

    /**
     * An integral number.
     *
     * @param pointer a JSON Pointer
     * @return the number, or empty if absent or JSON {@code null}
     * @throws IllegalStateException if the value is not an integer that fits a {@code long}
     */
    OptionalLong integer(String pointer);

    /**
     * A number, exactly as written (no binary floating point).
     *
     * @param pointer a JSON Pointer
     * @return the number, or empty if absent or JSON {@code null}
     * @throws IllegalStateException if the value is not a number
     */
    Optional<BigDecimal> decimal(String pointer);

    /**
     * A boolean.
     *
     * @param pointer a JSON Pointer
     * @return the boolean, or empty if absent or JSON {@code null}
     * @throws IllegalStateException if the value is not a boolean
     */
    Optional<Boolean> bool(String pointer);

    /**
     * An array of strings.
     *
     * @param pointer a JSON Pointer
     * @return the strings in order, empty if absent or JSON {@code null}; unmodifiable
     * @throws IllegalStateException if the value is not an array of strings
     */
    List<String> strings(String pointer);

    /**
     * An object, as a configuration rooted at it (its pointers are relative to the object).
     *
     * @param pointer a JSON Pointer
     * @return the object, or empty if absent or JSON {@code null}
     * @throws IllegalStateException if the value is not an object
     */
    Optional<PluginConfiguration> object(String pointer);

    /**
     * An array of objects, each as a configuration rooted at it.
     *
     * @param pointer a JSON Pointer
     * @return the objects in order, empty if absent or JSON {@code null}; unmodifiable
     * @throws IllegalStateException if the value is not an array of objects
     */
    List<PluginConfiguration> objects(String pointer);

    /**
     * A secret field (an API key, a webhook signing secret), decrypted for this call.
     *
     * @param pointer a JSON Pointer the descriptor lists in its secret fields
     * @return the secret, or empty if the merchant left it unset
     * @throws IllegalStateException if the pointer is not a declared secret field
     */
    Optional<Secret> secret(String pointer);
}
