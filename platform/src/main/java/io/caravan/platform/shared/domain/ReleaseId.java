package io.caravan.platform.shared.domain;

import java.util.Objects;

/**
 * One registered version of a plugin (a row of the release registry): the key its loaded bundle is cached under. Typed so that it cannot be passed where another id is expected.
 *
 * @param value the id as stored
 */
public record ReleaseId(String value) {
    public ReleaseId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ReleaseId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
