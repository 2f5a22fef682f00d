package io.caravan.platform.shared.api;

/**
 * Thrown by api code (resources, filters) for an expected failure the client should read about,
 * when the problem type is decided by HTTP itself. Application services throw domain exceptions
 * instead ({@code shared.domain} or their context's), which the problem translations map. The single
 * exception mapper turns it into a problem document; its message is the problem's detail, so it
 * must be written for the client and never contain secrets.
 */
public class ProblemException extends RuntimeException {
    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.VALIDATION, detail);
    }
}
