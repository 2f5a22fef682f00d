package io.caravan.platform.tenancy.domain;

import java.util.regex.Pattern;

/**
 * A store's public, stable handle: lower-case letters, digits and single hyphens, 3–63 characters
 * (it doubles as a DNS label and as the Keycloak organization alias).
 */
public record StoreSlug(String value) {
    private static final Pattern VALID = Pattern.compile("^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$");

    public StoreSlug {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidStoreException("slug must be 3-63 lower-case letters, digits or single hyphens, "
                    + "starting and ending with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
