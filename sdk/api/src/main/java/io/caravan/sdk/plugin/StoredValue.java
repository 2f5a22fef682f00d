package io.caravan.sdk.plugin;

import io.caravan.sdk.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An entry read from {@link PluginStorage}.
 *
 * @param value     the bytes; the record holds its own copy and returns a copy
 * @param version   the entry's version, 1 or more, for {@link PluginStorage#compareAndSet}
 * @param expiresAt when the entry disappears, or null if it does not
 */
public record StoredValue(byte[] value, long version, Instant expiresAt) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if the value is null or the version below 1
     */
    public StoredValue {
        value = Checks.required(value, "StoredValue.value").clone();
        Checks.positive(version, "StoredValue.version");
    }

    /**
     * The stored bytes.
     *
     * @return a copy of the value
     */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /**
     * The stored bytes as UTF-8 text.
     *
     * @return the decoded value
     */
    public String asString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /**
     * Equal when the bytes, version and expiry are equal.
     *
     * @param other another object
     * @return whether the two are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoredValue s
                && Arrays.equals(value, s.value)
                && version == s.version
                && Objects.equals(expiresAt, s.expiresAt);
    }

    /**
     * A hash of the bytes, version and expiry.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), version, expiresAt);
    }

    /**
     * A summary without the bytes.
     *
     * @return e.g. {@code StoredValue[12 bytes, version=3, expiresAt=null]}
     */
    @Override
    public String toString() {
        return "StoredValue[" + value.length + " bytes, version=" + version + ", expiresAt=" + expiresAt + "]";
    }
}
