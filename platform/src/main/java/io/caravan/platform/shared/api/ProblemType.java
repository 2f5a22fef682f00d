package io.caravan.platform.shared.api;

import java.net.URI;

/** The problem types Caravan answers with; each has one status and a stable URI. */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", 400),
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    INVALID_TOKEN("invalid-token", "Invalid or expired credentials", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    STORE_SUSPENDED("store-suspended", "Store suspended", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    IDENTITY_REJECTED("identity-rejected", "Identity provider refused the request", 422),
    IDENTITY_UNAVAILABLE("identity-unavailable", "Identity provider unavailable", 503),
    PLUGIN_REFUSED("plugin-refused", "Refused by the store's plugin", 422),
    PLUGIN_FAILED("plugin-failed", "The store's plugin failed", 503),
    SECRETS_UNAVAILABLE("secrets-unavailable", "Secrets unavailable", 503),
    INTERNAL("internal", "Internal error", 500);

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = Problem.typeUri(slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
