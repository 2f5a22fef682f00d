package io.caravan.platform.events.domain;

/** An event id the outbox has already recorded (answered with 409); the order change rolls back with it. */
public class DuplicateEventException extends RuntimeException {
    public DuplicateEventException(String eventId, String orderId, long sequence) {
        super(
                "Event " + eventId + " is already recorded (order " + orderId + ", sequence " + sequence
                        + "); an event id names one event only",
                null,
                false,
                false);
    }
}
