package io.caravan.platform.shared.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses a query parameter holding the NUL character ({@code q=%00}) before any resource runs: no
 * search, filter or page needs one, and PostgreSQL text cannot hold it (the store search answered
 * 500). Paths with {@code %00} never get here — Liberty refuses them itself. Bodies are checked by
 * {@link JsonShape}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class ControlCharacterFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            boolean nul = parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0);
            if (nul) {
                errors.add(new Problem.FieldError(
                        parameter.getKey().replace("\u0000", "\\u0000"), "must not contain the NUL character (%00)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestBodyException(errors, null);
        }
    }
}
