package io.caravan.platform.shared.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI a client can switch on; {@code detail}
 * is written for the person reading it; nothing here ever carries a stack trace.
 *
 * @param errors field-level violations, present for validation problems only
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://caravan.io/problems/";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    public Problem withInstance(URI instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    /** One invalid input field. */
    public record FieldError(String field, String message) {}

    public static URI typeUri(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
