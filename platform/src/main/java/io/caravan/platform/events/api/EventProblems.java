package io.caravan.platform.events.api;

import io.caravan.platform.events.domain.DuplicateEventException;
import io.caravan.platform.events.domain.EventSequenceException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.api.ProblemTranslation;
import io.caravan.platform.shared.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The outbox's failures as problem documents: bad query parameters (400, each named), and the
 * append refusals a request of the store runtime may end with (409: the order change rolled back).
 * A dead delivery's retry that does not apply is a shared state conflict (409).
 */
@ApplicationScoped
public class EventProblems implements ProblemTranslation {
    public static final ProblemType EVENT_SEQUENCE =
            ProblemType.of("event-sequence", "Order event out of sequence", 409);
    public static final ProblemType DUPLICATE_EVENT =
            ProblemType.of("duplicate-event", "Order event already recorded", 409);

    @Override
    public Optional<Problem> toProblem(Throwable failure) {
        if (failure instanceof InvalidQueryException invalid) {
            return Optional.of(
                    Problem.of(ProblemType.VALIDATION, invalid.getMessage()).withErrors(invalid.errors()));
        }
        if (failure instanceof EventSequenceException sequence) {
            return Optional.of(Problem.of(EVENT_SEQUENCE, sequence.getMessage() + "; nothing was changed."));
        }
        if (failure instanceof DuplicateEventException duplicate) {
            return Optional.of(Problem.of(DUPLICATE_EVENT, duplicate.getMessage() + "; nothing was changed."));
        }
        return Optional.empty();
    }
}
