package io.caravan.platform.tenancy.domain;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A store's public, stable handle: lower-case letters, digits and single hyphens, 3–63 characters
 * (it doubles as a DNS label and as the Keycloak organization alias). A new store may not take a
 * {@link #RESERVED} slug.
 */
public record StoreSlug(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]");
    private static final String FORMAT = "must be 3-63 lower-case letters, digits or single hyphens, "
            + "starting and ending with a letter or digit";

    /**
     * Slugs no new store may take, the one list (README, "Store slugs"): a store's slug becomes a
     * host name and a path segment, so it must never read as the platform's own host, a path of
     * the API or console, or a name people trust as the operator's.
     */
    public static final Set<String> RESERVED = Set.of(
            "about",
            "account",
            "accounts",
            "admin",
            "administrator",
            "api",
            "app",
            "apps",
            "assets",
            "auth",
            "billing",
            "blog",
            "caravan",
            "cdn",
            "checkout",
            "console",
            "dashboard",
            "developer",
            "developers",
            "docs",
            "help",
            "health",
            "login",
            "logout",
            "mail",
            "marketplace",
            "metrics",
            "oauth",
            "openapi",
            "platform",
            "plugins",
            "postmaster",
            "root",
            "security",
            "signin",
            "signup",
            "smtp",
            "static",
            "status",
            "store",
            "stores",
            "support",
            "system",
            "webmaster",
            "www");

    public StoreSlug {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidStoreException("slug " + FORMAT);
        }
    }

    /** The slug of a store being onboarded: well-formed and not reserved. */
    public static StoreSlug forNewStore(String value) {
        problemForNewStore(value).ifPresent(problem -> {
            throw new InvalidStoreException("slug " + problem);
        });
        return new StoreSlug(value);
    }

    /** What keeps {@code value} from naming a new store (without the field's name), or empty. */
    public static Optional<String> problemForNewStore(String value) {
        if (value == null || !VALID.matcher(value).matches()) {
            return Optional.of(FORMAT);
        }
        if (RESERVED.contains(value)) {
            return Optional.of("'" + value + "' is reserved for the platform; choose another");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
