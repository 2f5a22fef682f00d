package io.caravan.platform.shared.api;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Set;

/**
 * Validates every request body against its Bean Validation constraints as soon as it is read, so
 * each violation reaches {@link ProblemMapper} and the client gets one problem document listing
 * all invalid fields. (Liberty's own method validation answers in its own format, so resources do
 * not use {@code @Valid} on parameters.)
 */
@Provider
public class RequestBodyValidation implements ReaderInterceptor {
    @Inject
    Validator validator;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            throw ProblemException.invalid("The request needs a JSON body.");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new InvalidRequestBodyException(violations);
        }
        return body;
    }
}
