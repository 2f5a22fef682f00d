package io.caravan.platform.shared.api;

import java.net.URI;

/**
 * A kind of problem Caravan answers with: one status and a stable type URI a client can switch on.
 * The constants here are the kinds every context shares (HTTP-level ones, validation, conflicts,
 * the platform's own secrets); a context defines its own kinds next to its
 * {@link ProblemTranslation} with {@link #of}.
 */
public record ProblemType(URI uri, String title, int status) {
    public static final ProblemType VALIDATION = of("validation", "Invalid request", 400);
    public static final ProblemType MALFORMED_REQUEST = of("malformed-request", "Malformed request", 400);
    public static final ProblemType UNAUTHENTICATED = of("unauthenticated", "Authentication required", 401);
    public static final ProblemType INVALID_TOKEN = of("invalid-token", "Invalid or expired credentials", 401);
    public static final ProblemType FORBIDDEN = of("forbidden", "Not allowed", 403);
    public static final ProblemType NOT_FOUND = of("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = of("not-acceptable", "Not acceptable", 406);
    public static final ProblemType CONFLICT = of("conflict", "Conflict", 409);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            of("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", "Request too large", 413);
    public static final ProblemType URI_TOO_LONG = of("uri-too-long", "Request URI too long", 414);
    public static final ProblemType SECRETS_UNAVAILABLE = of("secrets-unavailable", "Secrets unavailable", 503);
    public static final ProblemType DATABASE_UNAVAILABLE = of("database-unavailable", "Database unavailable", 503);
    /** A transaction lost a race (serialisation failure, deadlock) and was rolled back whole: retry it. */
    public static final ProblemType TRANSACTION_CONFLICT =
            of("transaction-conflict", "Concurrent change, nothing was done", 503);

    public static final ProblemType INTERNAL = of("internal", "Internal error", 500);

    /** A problem type under Caravan's problem URI base, {@code https://caravan.io/problems/<slug>}. */
    public static ProblemType of(String slug, String title, int status) {
        return new ProblemType(Problem.typeUri(slug), title, status);
    }
}
