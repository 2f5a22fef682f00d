package io.caravan.platform.events.api;

import io.caravan.platform.shared.api.Problem;
import java.util.List;

/** Query parameters an outbox endpoint cannot use; answered with 400 naming each one. */
class InvalidQueryException extends RuntimeException {
    private final transient List<Problem.FieldError> errors;

    InvalidQueryException(List<Problem.FieldError> errors) {
        super(
                errors.stream()
                        .map(e -> e.field() + " " + e.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(""),
                null,
                false,
                false);
        this.errors = errors;
    }

    List<Problem.FieldError> errors() {
        return errors;
    }
}
