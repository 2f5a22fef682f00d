package io.caravan.platform.it.matrix;

/**
 * Everyone the endpoint matrix sends each operation as. Store-scoped operations are aimed at the
 * target store, except for the suspended store's own people, who call their own (suspended) store.
 */
public enum Caller {
    /** The target store's owner: the control for store-scoped operations. */
    OWNER("owner of the target store"),
    STAFF("staff of the target store"),
    OTHER_OWNER("owner of another store"),
    OTHER_STORE_KEY("API key of another store (all scopes)"),
    /** A key of the target store with storefront:read only. */
    KEY_STOREFRONT("API key of the target store, storefront:read"),
    /** A key of the target store with tax:quote only. */
    KEY_TAX("API key of the target store, tax:quote"),
    /** A key of the target store with checkout:write only. */
    KEY_CHECKOUT("API key of the target store, checkout:write"),
    SUSPENDED_OWNER("owner of a suspended store, on that store"),
    SUSPENDED_KEY("API key of a suspended store (all scopes), on that store"),
    /** The developer of the matrix's listings: the control for developer-scoped operations. */
    DEVELOPER("plugin developer (dev, the listing's)"),
    OTHER_DEVELOPER("another plugin developer (ines), on dev's listing"),
    /** The platform admin: the control for admin operations. */
    ADMIN("platform admin (ada)"),
    ANONYMOUS("no credentials"),
    SELF_SIGNED("self-signed token with the owner's claims"),
    TAMPERED("another owner's token claiming the target store, original signature"),
    UNSIGNED("the owner's claims with alg none"),
    EXPIRED("the owner's expired token"),
    GARBAGE_KEY("well-formed API key nobody issued");

    private final String description;

    Caller(String description) {
        this.description = description;
    }

    /** Presents no valid credentials at all: refused as unauthenticated wherever it goes. */
    public boolean unauthenticated() {
        return switch (this) {
            case ANONYMOUS, SELF_SIGNED, TAMPERED, UNSIGNED, EXPIRED -> true;
            default -> false;
        };
    }

    /** Presents an API key rather than a token. */
    public boolean apiKey() {
        return switch (this) {
            case OTHER_STORE_KEY, KEY_STOREFRONT, KEY_TAX, KEY_CHECKOUT, SUSPENDED_KEY, GARBAGE_KEY -> true;
            default -> false;
        };
    }

    /** Calls the suspended store rather than the target store. */
    public boolean onSuspendedStore() {
        return this == SUSPENDED_OWNER || this == SUSPENDED_KEY;
    }

    @Override
    public String toString() {
        return description;
    }
}
