package io.caravan.platform.catalog.domain;

/** The state of a reservation line. Released and consumed lines are deleted, not kept. */
public enum ReservationStatus {
    /** A checkout's hold: expires at its expiry unless extended or committed. */
    HELD,
    /** An order's hold: no expiry; ends when the order ships (consume) or is cancelled (release). */
    COMMITTED
}
