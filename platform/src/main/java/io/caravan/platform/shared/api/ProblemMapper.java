package io.caravan.platform.shared.api;

import io.caravan.platform.shared.crypto.SecretsUnavailableException;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become RFC 9457 problem documents. Expected failures keep their
 * message; anything unexpected is logged with an incident id and answered with that id only.
 *
 * <p>This class knows the failures of {@code shared} and of JAX-RS, JSON-B and JPA. A context's
 * own failures are translated by that context's {@link ProblemTranslation}s, which are asked first.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Inject
    Instance<ProblemTranslation> translations;

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = toProblem(failure);
        if (uriInfo != null) {
            URI instance = Problem.instance(uriInfo.getRequestUri().getRawPath());
            if (instance != null) {
                problem = problem.withInstance(instance);
            }
        }
        return ProblemResponses.of(problem);
    }

    private Problem toProblem(Throwable failure) {
        return toProblem(failure, translations == null ? List.of() : translations);
    }

    static Problem toProblem(Throwable failure, Iterable<? extends ProblemTranslation> translations) {
        // The first cause the platform knows decides: JSON-B and CDI wrap what resources throw.
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            Problem known = translated(cause, translations).orElse(known(cause));
            if (known != null) {
                return known;
            }
        }
        if (failure instanceof WebApplicationException wae) {
            return fromWebApplicationException(wae);
        }
        if (failure instanceof ProcessingException) {
            return Problem.of(ProblemType.MALFORMED_REQUEST, "The request body could not be read.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.of(
                ProblemType.INTERNAL,
                "Something went wrong on our side; nothing was changed. Quote incident " + incident
                        + " when reporting it.");
    }

    private static Optional<Problem> translated(Throwable cause, Iterable<? extends ProblemTranslation> translations) {
        for (ProblemTranslation translation : translations) {
            Optional<Problem> problem = translation.toProblem(cause);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The problem for an exception shared (or the runtime) throws on purpose; null for anything else. */
    private static Problem known(Throwable cause) {
        if (cause instanceof ProblemException pe) {
            return Problem.of(pe.type(), pe.getMessage());
        }
        if (cause instanceof InvalidRequestBodyException invalid) {
            return fieldsProblem(invalid.errors());
        }
        if (cause instanceof InvalidInputException iie) {
            if (!iie.fields().isEmpty()) {
                return fieldsProblem(iie.fields().stream()
                        .map(f -> new Problem.FieldError(f.field(), f.message()))
                        .toList());
            }
            return Problem.of(ProblemType.VALIDATION, iie.getMessage());
        }
        if (cause instanceof StateConflictException sse) {
            return Problem.of(ProblemType.CONFLICT, sse.getMessage());
        }
        if (cause instanceof NotFoundException missing) {
            return Problem.of(ProblemType.NOT_FOUND, missing.getMessage());
        }
        if (cause instanceof SecretsUnavailableException secrets) {
            return Problem.of(
                    ProblemType.SECRETS_UNAVAILABLE,
                    "Secret configuration cannot be handled: " + secrets.getMessage() + ". Nothing was changed.");
        }
        if (databaseUnreachable(cause)) {
            return Problem.of(
                    ProblemType.DATABASE_UNAVAILABLE,
                    "The database could not be reached just now (restarting or failing over). A change may or may not"
                            + " have been made: read it back, or retry (requests with an Idempotency-Key are safe to"
                            + " retry).");
        }
        if (transactionConflict(cause)) {
            return Problem.of(
                    ProblemType.TRANSACTION_CONFLICT,
                    "Another request changed the same data at the same moment, so the database rolled this one back"
                            + " whole; nothing was changed. Retry it (with the same Idempotency-Key where it takes one).");
        }
        if (cause instanceof OptimisticLockException) {
            return Problem.of(
                    ProblemType.CONFLICT, "The resource was changed by another request; reload it and retry.");
        }
        if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
            return Problem.of(
                    ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid JSON for this endpoint: " + firstLine(cause.getMessage()));
        }
        return null;
    }

    /** A validation problem listing every field at fault; its detail repeats them for a human reader. */
    static Problem fieldsProblem(List<Problem.FieldError> errors) {
        String detail = errors.stream()
                .map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid.");
        return Problem.of(ProblemType.VALIDATION, detail).withErrors(errors);
    }

    /**
     * A lost or refused database connection: SQLSTATE class 08 (connection exception) or 57
     * (operator intervention: the server shutting down or restarting), or the JDBC connection
     * exception types (the pool found no working connection in time). The pool replaces broken
     * connections on its own; the client gets a 503 instead of an internal error.
     */
    private static boolean databaseUnreachable(Throwable cause) {
        if (cause instanceof java.sql.SQLTransientConnectionException
                || cause instanceof java.sql.SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57");
        }
        return false;
    }

    /**
     * SQLSTATE 40001 (serialisation failure; H2 reports its deadlocks with it too) or 40P01
     * (PostgreSQL's deadlock detected): the database rolled the transaction back and the same
     * request succeeds when repeated, so the client gets a 503 with Retry-After rather than an
     * internal error with an incident.
     */
    private static boolean transactionConflict(Throwable cause) {
        return cause instanceof java.sql.SQLException sql
                && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
    }

    private static final java.util.regex.Pattern PARAMETER =
            java.util.regex.Pattern.compile("(?:Query|Path|Header|Matrix|Form|Cookie)Param\\(\"([^\"]{1,100})\"\\)");

    private static Problem fromWebApplicationException(WebApplicationException wae) {
        if (wae instanceof jakarta.ws.rs.NotFoundException && wae.getCause() != null) {
            // JAX-RS answers a query parameter that does not convert (page=1e400) as a 404; it is the client's input.
            java.util.regex.Matcher named = PARAMETER.matcher(String.valueOf(wae.getMessage()));
            String field = named.find() ? named.group(1) : "parameter";
            return fieldsProblem(List.of(new Problem.FieldError(field, "is not a valid value of its type")));
        }
        if (wae instanceof jakarta.ws.rs.NotFoundException) {
            return Problem.of(ProblemType.NOT_FOUND, "No resource at this path.");
        }
        if (wae instanceof NotAllowedException) {
            return Problem.of(
                    ProblemType.METHOD_NOT_ALLOWED,
                    "This resource does not support that method; allowed: "
                            + wae.getResponse().getAllowedMethods() + ".");
        }
        if (wae instanceof NotAcceptableException) {
            return Problem.of(ProblemType.NOT_ACCEPTABLE, "This resource answers with application/json only.");
        }
        if (wae instanceof NotSupportedException) {
            return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
        }
        if (wae instanceof NotAuthorizedException) {
            return Problem.of(ProblemType.UNAUTHENTICATED, "Send a bearer token or a store API key.");
        }
        int status = wae.getResponse().getStatus();
        if (status == 400) {
            return Problem.of(
                    ProblemType.MALFORMED_REQUEST, "The request could not be read: check its body and parameters.");
        }
        if (status == 404) {
            return Problem.of(ProblemType.NOT_FOUND, "No resource at this path.");
        }
        if (status == 403) {
            return Problem.of(ProblemType.FORBIDDEN, "Not allowed.");
        }
        return new Problem(
                ProblemType.INTERNAL.uri(),
                "HTTP " + status,
                status,
                "The request could not be processed.",
                null,
                null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input.";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
