package io.caravan.platform.shared.domain;

/** Input breaks a domain rule; the message names the field and the rule, for the client to read. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
