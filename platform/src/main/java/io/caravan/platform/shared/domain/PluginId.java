package io.caravan.platform.shared.domain;

import java.util.Objects;

/**
 * A plugin, by the id its descriptor carries and its listing's slug ({@code acme-tax}): the same across its versions. Typed so that it cannot be passed where another id is expected.
 *
 * @param value the id as stored
 */
public record PluginId(String value) {
    public PluginId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("PluginId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
