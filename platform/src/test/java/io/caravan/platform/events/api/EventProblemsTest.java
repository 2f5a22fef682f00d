package io.caravan.platform.events.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.events.domain.DuplicateEventException;
import io.caravan.platform.events.domain.EventSequenceException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.domain.StateConflictException;
import org.junit.jupiter.api.Test;

class EventProblemsTest {
    private final EventProblems problems = new EventProblems();

    @Test
    void a_gap_names_the_expected_and_the_given_sequence() {
        Problem problem = problems.toProblem(new EventSequenceException("order-7", 3, 5, "event-x"))
                .orElseThrow();
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type().toString()).endsWith("/event-sequence");
        assertThat(problem.detail()).contains("order-7", "sequence 5", "must be 3", "a gap", "nothing was changed");
        assertThat(problems.toProblem(new EventSequenceException("order-7", 3, 2, "event-y"))
                        .orElseThrow()
                        .detail())
                .contains("a duplicate");
    }

    @Test
    void a_duplicate_event_id_is_a_conflict() {
        Problem problem = problems.toProblem(new DuplicateEventException("event-1", "order-1", 1))
                .orElseThrow();
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).contains("event-1", "order-1");
    }

    @Test
    void every_bad_query_parameter_is_named() {
        QueryParameters query = new QueryParameters();
        query.status("LOST");
        query.orderId("o".repeat(65));
        query.page(-1, 0);
        assertThatThrownBy(query::check).isInstanceOfSatisfying(InvalidQueryException.class, e -> {
            Problem problem = problems.toProblem(e).orElseThrow();
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors())
                    .extracting(Problem.FieldError::field)
                    .containsExactly("status", "orderId", "page", "size");
        });
    }

    @Test
    void good_query_parameters_pass_and_a_status_is_read_in_any_case() {
        QueryParameters query = new QueryParameters();
        assertThat(query.status("dead")).hasToString("DEAD");
        assertThat(query.status(null)).isNull();
        assertThat(query.page(0, 200).size()).isEqualTo(200);
        query.check();
    }

    @Test
    void it_leaves_other_failures_alone() {
        assertThat(problems.toProblem(new StateConflictException("taken"))).isEmpty();
        assertThat(problems.toProblem(new IllegalStateException("x"))).isEmpty();
    }
}
