package io.caravan.platform.commerce.application;

import java.util.ArrayList;
import java.util.List;

/** A request broke rules on one or more named fields (400, every field listed); nothing was changed. */
public class InvalidFieldsException extends RuntimeException {
    private final transient List<FieldProblem> problems;

    /** One bad field: its path in the request ({@code lines[2].quantity}) and what is wrong. */
    public record FieldProblem(String field, String message) {}

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(summary(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        List<String> parts = new ArrayList<>();
        for (FieldProblem p : problems) {
            parts.add(p.field() + " " + p.message());
        }
        return String.join("; ", parts);
    }

    /** Collects field problems; {@link #throwIfAny()} ends a validation pass. */
    public static final class Collector {
        private final List<FieldProblem> problems = new ArrayList<>();

        public void add(String field, String message) {
            problems.add(new FieldProblem(field, message));
        }

        public boolean isEmpty() {
            return problems.isEmpty();
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidFieldsException(problems);
            }
        }
    }
}
