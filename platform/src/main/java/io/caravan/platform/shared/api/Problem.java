package io.caravan.platform.shared.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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

    /**
     * The request's path as a problem's {@code instance}: what a URI may not hold (a decoded {@code %00},
     * a space, a lone {@code %}) percent-encoded, so naming a hostile path never fails; null if even
     * that is not a URI.
     */
    public static URI instance(Object requestUri) {
        if (requestUri == null) {
            return null;
        }
        byte[] raw = requestUri.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder safe = new StringBuilder(raw.length);
        for (int i = 0; i < raw.length; i++) {
            int c = raw[i] & 0xff;
            boolean escape = c == '%' && i + 2 < raw.length && hex(raw[i + 1]) && hex(raw[i + 2]);
            boolean plain = escape || c > 0x20 && c < 0x7f && "\"<>\\^`{|}%#?".indexOf(c) < 0;
            if (plain) {
                safe.append((char) c);
            } else {
                safe.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        try {
            return new URI(safe.toString());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean hex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
