package io.caravan.platform.tenancy.application;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.tenancy.domain.Actor;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling, as established by {@link RequestGate} for the current request. */
@RequestScoped
public class RequestCaller {
    private CaravanUser user;
    private StoreContext store;

    void signedIn(CaravanUser signedInUser) {
        this.user = signedInUser;
    }

    void actingOn(StoreContext storeContext) {
        this.store = storeContext;
    }

    /** The signed-in user; fails when the request came with an API key instead. */
    public CaravanUser user() {
        if (user == null) {
            throw new IllegalStateException("no signed-in user on this request");
        }
        return user;
    }

    /** The store this request acts on (store endpoints only). */
    public StoreContext store() {
        if (store == null) {
            throw new IllegalStateException("not a store request");
        }
        return store;
    }

    public Actor actor() {
        return store != null ? store.actor() : Actor.user(user().username());
    }
}
