package io.caravan.sdk.plugin;

import java.util.Objects;

/**
 * A secret configuration value. It prints as {@code Secret[***]} so it does not end up in logs,
 * exception messages or error reports by accident; {@link #reveal()} gives the value where it is
 * really needed (an {@code Authorization} header, a signature check). Never store a revealed
 * secret in plugin storage or a field.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value (the platform does this; tests may too).
     *
     * @param value the secret; not null, not empty
     * @return the wrapped secret
     * @throws IllegalArgumentException if the value is null or empty
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Secret.value must not be empty");
        }
        return new Secret(value);
    }

    /**
     * The secret value itself.
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    /**
     * Whether another secret holds the same value.
     *
     * @param other another object
     * @return {@code true} for a {@code Secret} with an equal value
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && value.equals(s.value);
    }

    /**
     * A hash of the value.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /**
     * A placeholder that does not reveal the value.
     *
     * @return {@code "Secret[***]"}
     */
    @Override
    public String toString() {
        return "Secret[***]";
    }
}
