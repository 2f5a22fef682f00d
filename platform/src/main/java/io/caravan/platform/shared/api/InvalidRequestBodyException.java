package io.caravan.platform.shared.api;

import java.util.List;

/**
 * A request body broke its constraints: every invalid field, as the client wrote it. Deliberately
 * not a {@code jakarta.validation} exception: Liberty's built-in mapper for those would answer in
 * its own format.
 */
public class InvalidRequestBodyException extends RuntimeException {
    private final transient List<Problem.FieldError> errors;
    private final transient Object partial;

    /**
     * @param errors  the fields at fault
     * @param partial the body bound without the values at fault, for its constraints to be checked
     *                too (null when nothing could be bound)
     */
    public InvalidRequestBodyException(List<Problem.FieldError> errors, Object partial) {
        super("invalid request body", null, false, false);
        this.errors = List.copyOf(errors);
        this.partial = partial;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    Object partial() {
        return partial;
    }
}
