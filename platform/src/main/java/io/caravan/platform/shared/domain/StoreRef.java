package io.caravan.platform.shared.domain;

import java.util.Objects;

/**
 * A store, by both of its names: {@code id}, the platform's internal key (a UUID; every
 * store-owned row carries it), and {@code slug}, its public handle (the Keycloak organization's
 * alias, in URLs, and what plugins are told: {@code PluginContext.storeSlug()}). Passed together
 * so a call never has to guess which of two strings is which.
 *
 * @param id   the store's id
 * @param slug the store's slug
 */
public record StoreRef(String id, String slug) {
    public StoreRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        if (id.isBlank() || slug.isBlank()) {
            throw new IllegalArgumentException("a store reference needs both an id and a slug");
        }
    }

    @Override
    public String toString() {
        return slug;
    }
}
