package io.caravan.platform.catalog.domain;

import java.util.List;
import java.util.stream.Collectors;

/** Input breaks the catalogue's rules; every bad field is named (answered with 400 and each field). */
public class InvalidCatalogInputException extends RuntimeException {
    private final transient List<FieldViolation> violations;

    public InvalidCatalogInputException(List<FieldViolation> violations) {
        super(
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                null,
                false,
                false);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.violations = List.copyOf(violations);
    }

    public static InvalidCatalogInputException of(String field, String message) {
        return new InvalidCatalogInputException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
