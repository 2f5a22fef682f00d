package io.caravan.platform.shared.api;

import jakarta.ws.rs.core.Response;

/** Builds problem responses; used by the mapper and by filters that refuse a request early. */
public final class ProblemResponses {
    private ProblemResponses() {}

    public static Response of(Problem problem) {
        Response.ResponseBuilder builder =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"caravan\"");
        }
        if (problem.type().equals(ProblemType.DATABASE_UNAVAILABLE.uri())) {
            builder.header("Retry-After", 2); // a restart or fail-over takes seconds; the pool reconnects by itself
        }
        if (problem.type().equals(ProblemType.TRANSACTION_CONFLICT.uri())) {
            builder.header("Retry-After", 1); // the race is over by then
        }
        return builder.build();
    }

    public static Response of(ProblemType type, String detail) {
        return of(Problem.of(type, detail));
    }
}
