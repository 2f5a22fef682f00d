package io.caravan.platform.shared.domain;

import java.util.Objects;

/**
 * One store's installation of a plugin: the key of its bulkhead, breaker and sealed secrets. Typed so that it cannot be passed where another id is expected.
 *
 * @param value the id as stored
 */
public record InstallationId(String value) {
    public InstallationId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("InstallationId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
