package io.caravan.platform.marketplace.application;

import java.util.List;

/**
 * A store's answering rules were refused; every bad field is named (answered with 422). Nothing
 * was changed.
 */
public class InvalidAnsweringRulesException extends RuntimeException {
    /** One refused field, e.g. {@code rules[1].countries[0]}. */
    public record FieldError(String field, String message) {}

    private final transient List<FieldError> errors;

    public InvalidAnsweringRulesException(List<FieldError> errors) {
        super(
                errors.stream()
                        .map(e -> e.field() + ": " + e.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("the rules are invalid"),
                null,
                false,
                false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
