package io.caravan.platform.tenancy.application;

/**
 * The caller may not do what the request asks; the message says why, for the caller to read. The
 * reason tells the edge how to answer (tenancy's api maps it to a problem type).
 */
public class AccessRefusedException extends RuntimeException {
    /** Why access was refused. */
    public enum Reason {
        /** The caller is known but lacks the role, membership or scope (403). */
        FORBIDDEN,
        /** The credentials presented are not valid (401). */
        INVALID_CREDENTIALS,
        /** The store exists but the platform has suspended it (403, its own type). */
        STORE_SUSPENDED
    }

    private final Reason reason;

    public AccessRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static AccessRefusedException forbidden(String message) {
        return new AccessRefusedException(Reason.FORBIDDEN, message);
    }

    public static AccessRefusedException invalidCredentials(String message) {
        return new AccessRefusedException(Reason.INVALID_CREDENTIALS, message);
    }
}
