package io.caravan.platform.catalog.domain;

/**
 * The version the client based its change on ({@code If-Match}) is not the current one: someone
 * changed the resource since it was read (answered with 412). Nothing was changed.
 */
public class PreconditionFailedException extends RuntimeException {
    private final long currentVersion;

    public PreconditionFailedException(String what, long currentVersion) {
        super(
                what + " was changed since you read it (its version is now " + currentVersion
                        + "); reload it and apply your change again. Nothing was changed.",
                null,
                false,
                false);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
