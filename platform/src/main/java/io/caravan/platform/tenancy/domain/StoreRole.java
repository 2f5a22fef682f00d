package io.caravan.platform.tenancy.domain;

/** A person's role in one store, kept by the platform (Keycloak only knows membership). */
public enum StoreRole {
    /** Runs the store: settings, staff, API keys, plugins. */
    OWNER,
    /** Works in the store; reads settings, cannot change who has access. */
    STAFF;

    public boolean includes(StoreRole required) {
        return this == OWNER || this == required;
    }
}
