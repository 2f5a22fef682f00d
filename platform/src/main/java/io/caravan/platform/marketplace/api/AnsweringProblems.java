package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.InvalidAnsweringRulesException;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.api.ProblemTranslation;
import io.caravan.platform.shared.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Refused answering rules as a problem document naming every bad field (422). */
@ApplicationScoped
public class AnsweringProblems implements ProblemTranslation {
    public static final ProblemType INVALID_ANSWERING_RULES =
            ProblemType.of("invalid-answering-rules", "Invalid answering rules", 422);

    @Override
    public Optional<Problem> toProblem(Throwable failure) {
        if (failure instanceof InvalidAnsweringRulesException invalid) {
            return Optional.of(Problem.of(INVALID_ANSWERING_RULES, invalid.getMessage() + ". Nothing was changed.")
                    .withErrors(invalid.errors().stream()
                            .map(e -> new Problem.FieldError(e.field(), e.message()))
                            .toList()));
        }
        return Optional.empty();
    }
}
