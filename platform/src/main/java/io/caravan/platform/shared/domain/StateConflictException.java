package io.caravan.platform.shared.domain;

/** An operation does not apply to the current state of its target (answered with 409). */
public class StateConflictException extends RuntimeException {
    public StateConflictException(String message) {
        super(message, null, false, false);
    }
}
