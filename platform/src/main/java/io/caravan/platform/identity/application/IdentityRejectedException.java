package io.caravan.platform.identity.application;

/** The identity provider refused the request for a reason retrying will not fix. */
public class IdentityRejectedException extends RuntimeException {
    public IdentityRejectedException(String message) {
        super(message);
    }
}
