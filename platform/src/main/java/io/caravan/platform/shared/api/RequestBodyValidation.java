package io.caravan.platform.shared.api;

import io.caravan.platform.shared.domain.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates every request body against its Bean Validation constraints as soon as it is read, so
 * each violation reaches {@link ProblemMapper} and the client gets one problem document listing
 * all invalid fields — those {@link StrictJsonBodyReader} refused (wrong type, out of range) and
 * those the rest of the body breaks. (Liberty's own method validation answers in its own format,
 * so resources do not use {@code @Valid} on parameters.) A {@link CheckedBody} adds the domain rules
 * its fields break.
 */
@Provider
public class RequestBodyValidation implements ReaderInterceptor {
    @Inject
    Validator validator;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body;
        try {
            body = context.proceed();
        } catch (InvalidRequestBodyException unreadable) {
            List<Problem.FieldError> errors = new ArrayList<>(unreadable.errors());
            if (unreadable.partial() != null) {
                // A value refused by the reader was left out, so its own @NotNull is not news.
                Set<String> refused = new HashSet<>();
                errors.forEach(e -> refused.add(e.field()));
                constraintErrors(unreadable.partial()).stream()
                        .filter(e -> !refused.contains(e.field()))
                        .forEach(errors::add);
            }
            throw new InvalidRequestBodyException(sorted(errors), null);
        }
        if (body == null) {
            throw ProblemException.invalid("The request needs a JSON body.");
        }
        List<Problem.FieldError> errors = constraintErrors(body);
        if (!errors.isEmpty()) {
            throw new InvalidRequestBodyException(sorted(errors), null);
        }
        return body;
    }

    /** The body's constraint violations, then the domain rules it breaks on fields not already at fault. */
    private List<Problem.FieldError> constraintErrors(Object body) {
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> flagged = new HashSet<>();
        for (ConstraintViolation<Object> v : violations) {
            errors.add(new Problem.FieldError(fieldName(v), v.getMessage()));
            flagged.add(fieldName(v));
        }
        if (body instanceof CheckedBody checked) {
            for (InvalidInputException.FieldIssue issue : checked.fieldIssues()) {
                if (!flagged.contains(issue.field())) {
                    errors.add(new Problem.FieldError(issue.field(), issue.message()));
                }
            }
        }
        return errors;
    }

    private static List<Problem.FieldError> sorted(List<Problem.FieldError> errors) {
        Map<String, Problem.FieldError> unique = new LinkedHashMap<>();
        errors.stream()
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .forEach(e -> unique.putIfAbsent(e.field() + "\u0000" + e.message(), e));
        return List.copyOf(unique.values());
    }

    static String fieldName(ConstraintViolation<?> violation) {
        // "sellingCountries[0].<list element>" -> "sellingCountries[0]": the path as the client sent it.
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
        return path.isEmpty() ? "body" : path;
    }
}
