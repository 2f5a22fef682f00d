package io.caravan.platform.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
    /** A context's own failure, as a context would declare it. */
    static class ShelfEmptyException extends RuntimeException {
        ShelfEmptyException() {
            super("the shelf is empty");
        }
    }

    private static final ProblemType SHELF_EMPTY = ProblemType.of("shelf-empty", "Shelf empty", 422);
    private static final ProblemTranslation SHELVES = failure -> failure instanceof ShelfEmptyException
            ? Optional.of(Problem.of(SHELF_EMPTY, failure.getMessage()))
            : Optional.empty();

    @Test
    void aContextsTranslationAnswersForItsOwnFailureEvenWhenWrapped() {
        Problem problem = ProblemMapper.toProblem(
                new IllegalStateException("wrapped", new ShelfEmptyException()), List.of(SHELVES));

        assertThat(problem.type()).hasToString("https://caravan.io/problems/shelf-empty");
        assertThat(problem.title()).isEqualTo("Shelf empty");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.detail()).isEqualTo("the shelf is empty");
    }

    @Test
    void aLostOrRefusedDatabaseConnectionIsA503NotAnInternalError() {
        List<Throwable> lost = List.of(
                // the PostgreSQL driver's "terminating connection due to administrator command" (57P01)
                new RuntimeException("EclipseLink", new java.sql.SQLException("terminating connection", "57P01")),
                new RuntimeException(new java.sql.SQLException("An I/O error occurred", "08006")),
                new java.sql.SQLTransientConnectionException("no connection in 10 s"));
        for (Throwable failure : lost) {
            Problem problem = ProblemMapper.toProblem(failure, List.of());
            assertThat(problem.status()).as(failure.toString()).isEqualTo(503);
            assertThat(problem.type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE.uri());
            assertThat(problem.detail()).contains("retry").doesNotContain("57P01", "I/O");
        }
        // a statement the database refused for its content is not an outage
        assertThat(ProblemMapper.toProblem(new java.sql.SQLException("syntax error", "42601"), List.of())
                        .status())
                .isEqualTo(500);
    }

    @Test
    void aSerialisationFailureOrDeadlockIsA503WithRetryAfterNotAnIncident() {
        List<Throwable> races = List.of(
                new RuntimeException("EclipseLink", new java.sql.SQLException("could not serialize access", "40001")),
                new java.sql.SQLException("deadlock detected", "40P01"));
        for (Throwable failure : races) {
            Problem problem = ProblemMapper.toProblem(failure, List.of());
            assertThat(problem.type()).as(failure.toString()).isEqualTo(ProblemType.TRANSACTION_CONFLICT.uri());
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.detail()).contains("nothing was changed").contains("Retry");
        }
        assertThat(ProblemMapper.toProblem(new java.sql.SQLException("check violation", "23514"), List.of())
                        .status())
                .as("another integrity error stays an incident")
                .isEqualTo(500);
    }

    @Test
    void sharedFailuresNeedNoTranslation() {
        assertThat(ProblemMapper.toProblem(new InvalidInputException("size must be 1"), List.of()))
                .isEqualTo(new Problem(
                        ProblemType.VALIDATION.uri(), "Invalid request", 400, "size must be 1", null, null));
        assertThat(ProblemMapper.toProblem(new StateConflictException("already done"), List.of(SHELVES)))
                .isEqualTo(new Problem(ProblemType.CONFLICT.uri(), "Conflict", 409, "already done", null, null));
        assertThat(ProblemMapper.toProblem(new NotFoundException("No store 'osaka-tea'."), List.of()))
                .isEqualTo(new Problem(
                        ProblemType.NOT_FOUND.uri(), "Not found", 404, "No store 'osaka-tea'.", null, null));
        assertThat(ProblemMapper.toProblem(ProblemException.notFound("No resource at this path."), List.of()))
                .isEqualTo(new Problem(
                        ProblemType.NOT_FOUND.uri(), "Not found", 404, "No resource at this path.", null, null));
    }

    @Test
    void aFailureNobodyKnowsIsAnIncident() {
        Problem problem = ProblemMapper.toProblem(new ShelfEmptyException(), List.of());

        assertThat(problem.type()).hasToString("https://caravan.io/problems/internal");
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail())
                .startsWith("Something went wrong on our side; nothing was changed. Quote incident ")
                .doesNotContain("shelf");
    }

    @Test
    void theCommonTypesKeepTheirUrisTitlesAndStatuses() {
        assertThat(List.of(
                        ProblemType.VALIDATION,
                        ProblemType.MALFORMED_REQUEST,
                        ProblemType.UNAUTHENTICATED,
                        ProblemType.INVALID_TOKEN,
                        ProblemType.FORBIDDEN,
                        ProblemType.NOT_FOUND,
                        ProblemType.METHOD_NOT_ALLOWED,
                        ProblemType.NOT_ACCEPTABLE,
                        ProblemType.CONFLICT,
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        ProblemType.SECRETS_UNAVAILABLE,
                        ProblemType.INTERNAL))
                .extracting(type -> type.uri() + " " + type.status() + " " + type.title())
                .containsExactly(
                        "https://caravan.io/problems/validation 400 Invalid request",
                        "https://caravan.io/problems/malformed-request 400 Malformed request",
                        "https://caravan.io/problems/unauthenticated 401 Authentication required",
                        "https://caravan.io/problems/invalid-token 401 Invalid or expired credentials",
                        "https://caravan.io/problems/forbidden 403 Not allowed",
                        "https://caravan.io/problems/not-found 404 Not found",
                        "https://caravan.io/problems/method-not-allowed 405 Method not allowed",
                        "https://caravan.io/problems/not-acceptable 406 Not acceptable",
                        "https://caravan.io/problems/conflict 409 Conflict",
                        "https://caravan.io/problems/unsupported-media-type 415 Unsupported media type",
                        "https://caravan.io/problems/secrets-unavailable 503 Secrets unavailable",
                        "https://caravan.io/problems/internal 500 Internal error");
    }
}
