package io.caravan.platform.identity.application;

/** The identity provider could not be reached or failed; the operation may be retried later. */
public class IdentityUnavailableException extends RuntimeException {
    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public IdentityUnavailableException(String message) {
        super(message);
    }
}
