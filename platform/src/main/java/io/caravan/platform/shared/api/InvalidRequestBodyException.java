package io.caravan.platform.shared.api;

import jakarta.validation.ConstraintViolation;
import java.util.Set;

/**
 * A request body broke its constraints. Deliberately not a {@code jakarta.validation}
 * exception: Liberty's built-in mapper for those would answer in its own format.
 */
public class InvalidRequestBodyException extends RuntimeException {
    private final transient Set<? extends ConstraintViolation<?>> violations;

    public InvalidRequestBodyException(Set<? extends ConstraintViolation<?>> violations) {
        super("invalid request body", null, false, false);
        this.violations = Set.copyOf(violations);
    }

    public Set<? extends ConstraintViolation<?>> violations() {
        return violations;
    }
}
