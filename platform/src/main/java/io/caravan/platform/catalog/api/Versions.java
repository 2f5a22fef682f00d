package io.caravan.platform.catalog.api;

import io.caravan.platform.shared.api.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's version is its (strong) ETag, {@code "3"}; a
 * change must send it back in {@code If-Match}. Without one the change is refused (428), so that
 * no client overwrites a change it never saw.
 */
final class Versions {
    private Versions() {}

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version in {@code If-Match}; 428 when absent, 400 when it is not one of ours. */
    static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(
                    CatalogProblems.PRECONDITION_REQUIRED,
                    "Send the version you read in If-Match (the ETag of the GET, e.g. If-Match: \"3\"); nothing was"
                            + " changed.");
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw ProblemException.invalid("If-Match must be one ETag of this resource, such as \"3\"; was " + header);
        }
        return Long.parseLong(value);
    }
}
