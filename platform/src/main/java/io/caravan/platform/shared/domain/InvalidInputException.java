package io.caravan.platform.shared.domain;

import java.util.List;

/**
 * Input breaks a domain rule; the message names the field and the rule, for the client to read.
 * A check that looks at several fields lists every one at fault ({@link #fields()}), never only
 * the first.
 */
public class InvalidInputException extends RuntimeException {
    private final transient List<FieldIssue> fields;

    /** One field at fault: its path as the client wrote it ({@code pricing.currency}) and the rule. */
    public record FieldIssue(String field, String message) {}

    public InvalidInputException(String message) {
        super(message, null, false, false);
        this.fields = List.of();
    }

    /** Every field at fault; the message joins them. */
    public InvalidInputException(List<FieldIssue> fields) {
        super(summary(fields), null, false, false);
        this.fields = List.copyOf(fields);
    }

    public List<FieldIssue> fields() {
        return fields;
    }

    private static String summary(List<FieldIssue> fields) {
        return String.join(
                "; ", fields.stream().map(f -> f.field() + " " + f.message()).toList());
    }
}
