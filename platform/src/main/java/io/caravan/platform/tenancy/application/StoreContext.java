package io.caravan.platform.tenancy.application;

import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.StoreRole;

/**
 * The store a request acts on, after its credentials were checked: store id and slug, who is
 * acting, and with which role ({@code null} role for an API key, which has scopes instead).
 */
public record StoreContext(String storeId, String slug, Actor actor, StoreRole role) {
    /** The store, by both names, as other contexts take it. */
    public StoreRef ref() {
        return new StoreRef(storeId, slug);
    }
}
