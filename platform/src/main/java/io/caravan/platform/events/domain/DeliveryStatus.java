package io.caravan.platform.events.domain;

/** Where one delivery of an event to one installation stands. */
public enum DeliveryStatus {
    /** Not delivered yet: due at its next attempt time, or claimed by a node delivering it now. */
    PENDING,
    /** The listener returned normally: acknowledged. */
    DELIVERED,
    /**
     * The listener answered that the event does not apply to it ({@code PluginRejectedException}):
     * done, not retried.
     */
    SKIPPED,
    /** Every attempt failed; parked for the merchant, who may retry it. */
    DEAD;

    /** Whether nothing more happens to the delivery unless someone retries it. */
    public boolean isFinal() {
        return this != PENDING;
    }
}
