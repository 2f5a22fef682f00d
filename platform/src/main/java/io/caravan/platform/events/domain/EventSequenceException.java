package io.caravan.platform.events.domain;

/**
 * An order's next event does not follow the last one recorded: a gap or a duplicate of the
 * sequence. The order change is rolled back with it (answered with 409).
 */
public class EventSequenceException extends RuntimeException {
    private final String orderId;
    private final long expected;
    private final long given;

    public EventSequenceException(String orderId, long expected, long given, String eventId) {
        super(
                "Order " + orderId + ": event " + eventId + " has sequence " + given + " but the next one must be "
                        + expected + " (" + (given < expected ? "a duplicate of an event already recorded" : "a gap")
                        + ")",
                null,
                false,
                false);
        this.orderId = orderId;
        this.expected = expected;
        this.given = given;
    }

    public String orderId() {
        return orderId;
    }

    public long expected() {
        return expected;
    }

    public long given() {
        return given;
    }
}
