package io.caravan.platform.shared.domain;

/**
 * What a request names does not exist, or not for this caller (answered with 404). The message
 * names it, for the client to read.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
