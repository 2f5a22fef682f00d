package io.caravan.platform.it.matrix;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One operation of the API as the matrix declares it: who it is for, the control caller's status,
 * and the status every other caller must get. The statuses follow from the product's rules (see
 * {@link #expected(Caller)}); a cell that differs from the rule is declared with {@link #expect}.
 */
public final class Entry {
    /** Who an operation is for. */
    public enum Audience {
        /** Members of the {@code {store}} in the path (and, with a scope, its API keys); control: the owner. */
        STORE(Caller.OWNER),
        /** Plugin developers, each on their own listings only; control: dev on dev's listing. */
        DEVELOPER(Caller.DEVELOPER),
        /** Platform admins; control: ada. */
        ADMIN(Caller.ADMIN),
        /** Anyone signed in (not API keys); control: the target store's owner. */
        SIGNED_IN(Caller.OWNER),
        /** Anyone at all, credentials or not (a provider's notifications); every caller gets the control's status. */
        PUBLIC(Caller.ANONYMOUS);

        final Caller control;

        Audience(Caller control) {
            this.control = control;
        }
    }

    /** The least store role a member needs. */
    public enum Role {
        STAFF,
        OWNER
    }

    /** The API key scope a store operation accepts, if any. */
    public enum Scope {
        NONE,
        STOREFRONT_READ,
        TAX_QUOTE,
        CHECKOUT_WRITE
    }

    final String method;
    final String path;
    final Audience audience;
    final Role role;
    final Scope scope;
    final int control;
    final Map<Caller, Integer> declared = new EnumMap<>(Caller.class);
    final Map<String, Function<MatrixFixture, String>> params = new LinkedHashMap<>();
    Function<MatrixFixture, String> body;
    Function<MatrixFixture, String> controlBody;
    Function<MatrixFixture, byte[]> jar;

    private Entry(String method, String path, Audience audience, Role role, Scope scope, int control) {
        this.method = method;
        this.path = path;
        this.audience = audience;
        this.role = role;
        this.scope = scope;
        this.control = control;
    }

    static Entry store(String method, String path, Role role, int owner) {
        return new Entry(method, path, Audience.STORE, role, Scope.NONE, owner);
    }

    static Entry store(String method, String path, Role role, Scope scope, int owner) {
        return new Entry(method, path, Audience.STORE, role, scope, owner);
    }

    static Entry developer(String method, String path, int dev) {
        return new Entry(method, path, Audience.DEVELOPER, null, Scope.NONE, dev);
    }

    static Entry admin(String method, String path, int admin) {
        return new Entry(method, path, Audience.ADMIN, null, Scope.NONE, admin);
    }

    static Entry open(String method, String path, int status) {
        return new Entry(method, path, Audience.PUBLIC, null, Scope.NONE, status);
    }

    static Entry signedIn(String method, String path, int status) {
        return new Entry(method, path, Audience.SIGNED_IN, null, Scope.NONE, status);
    }

    /** Declares the status of one cell where it differs from the audience's rule. */
    Entry expect(Caller caller, int status) {
        declared.put(caller, status);
        return this;
    }

    Entry param(String name, Function<MatrixFixture, String> value) {
        params.put(name, value);
        return this;
    }

    /** The JSON body every caller sends (and the control too, unless {@link #controlBody}). */
    Entry body(Function<MatrixFixture, String> body) {
        this.body = body;
        return this;
    }

    Entry controlBody(Function<MatrixFixture, String> body) {
        this.controlBody = body;
        return this;
    }

    /** A plugin bundle as the body ({@code application/java-archive}). */
    Entry jar(Function<MatrixFixture, byte[]> jar) {
        this.jar = jar;
        return this;
    }

    /** {@code METHOD /api/path/{template}}, as the OpenAPI document names the operation. */
    public String key() {
        return method + " " + path;
    }

    public Caller control() {
        return audience.control;
    }

    /**
     * The status {@code caller} must get. The rules: no valid credentials is 401 everywhere. On a
     * store's operation a signed-in non-member (another store's owner, a developer, the platform
     * admin — admins act on stores only through /api/admin) is 403, as is a member below the
     * operation's role and the owner of a suspended store; a key of another store or one nobody
     * issued is 401 (not a credential of this store), a key of this store without the scope 403, a
     * suspended store's key 403. Developer, admin and signed-in operations refuse API keys (403) and
     * signed-in users without the realm role (403); another developer's cells are declared per
     * operation (404 for dev's listing: its existence is not confirmed).
     */
    public int expected(Caller caller) {
        Integer declaredStatus = declared.get(caller);
        if (declaredStatus != null) {
            return declaredStatus;
        }
        if (caller == control() || audience == Audience.PUBLIC) {
            return control;
        }
        if (caller.unauthenticated()) {
            return 401;
        }
        return switch (audience) {
            case STORE ->
                switch (caller) {
                    case STAFF -> role == Role.STAFF ? control : 403;
                    case KEY_STOREFRONT -> scope == Scope.STOREFRONT_READ ? control : 403;
                    case KEY_TAX -> scope == Scope.TAX_QUOTE ? control : 403;
                    case KEY_CHECKOUT -> scope == Scope.CHECKOUT_WRITE ? control : 403;
                    case OTHER_STORE_KEY, GARBAGE_KEY -> 401;
                    default -> 403;
                };
            case DEVELOPER -> {
                if (caller == Caller.OTHER_DEVELOPER) {
                    throw new IllegalStateException(key() + ": declare the other developer's status");
                }
                yield 403;
            }
            case ADMIN -> 403;
            case SIGNED_IN -> caller.apiKey() ? 403 : control;
            case PUBLIC -> control;
        };
    }

    /**
     * Whether a successful answer to {@code caller} may show the target's data: the target store's
     * own people and keys on its operations, the listing's developer, the admin; and on /api/me
     * whoever it describes.
     */
    boolean insider(Caller caller) {
        return switch (audience) {
            case STORE ->
                caller == Caller.OWNER
                        || caller == Caller.STAFF
                        || caller == Caller.KEY_STOREFRONT
                        || caller == Caller.KEY_TAX
                        || caller == Caller.KEY_CHECKOUT;
            case DEVELOPER -> caller == Caller.DEVELOPER;
            case ADMIN -> caller == Caller.ADMIN;
            case SIGNED_IN -> caller == Caller.OWNER || caller == Caller.STAFF || caller == Caller.SUSPENDED_OWNER;
            case PUBLIC -> false;
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
