package io.caravan.platform.commerce.application;

/** An Idempotency-Key came back with a different request (answered 422, nothing done). */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException(String message) {
        super(message, null, false, false);
    }
}
