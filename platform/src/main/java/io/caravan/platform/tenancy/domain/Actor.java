package io.caravan.platform.tenancy.domain;

/** Who performed an action: a signed-in user (by username) or a store API key (by its id). */
public record Actor(Kind kind, String name) {
    public enum Kind {
        USER,
        API_KEY,
        SYSTEM
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "caravan");

    public static Actor user(String username) {
        return new Actor(Kind.USER, username);
    }

    public static Actor apiKey(String keyId) {
        return new Actor(Kind.API_KEY, keyId);
    }
}
