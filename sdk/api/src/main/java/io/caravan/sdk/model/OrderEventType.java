package io.caravan.sdk.model;

/**
 * The order events the platform emits, which a plugin subscribes to in its descriptor's
 * {@code permissions.events} and receives through {@code ORDER_EVENTS}. Shipping and return events
 * (shipped, delivered, return requested, return received) come with the fulfilment and returns
 * contracts (issue #14). New types may be added in a minor version.
 */
public enum OrderEventType {
    /** The order was placed: price, stock reservation and payment attempt recorded. */
    PLACED,
    /** The order was confirmed: paid or authorised, or (cash on delivery) confirmed with the shopper. */
    CONFIRMED,
    /** An amount was authorised at a provider. */
    PAYMENT_AUTHORIZED,
    /** An amount was captured (money taken). */
    PAYMENT_CAPTURED,
    /** A payment attempt failed or expired at a provider. */
    PAYMENT_FAILED,
    /** An authorisation was released. */
    PAYMENT_VOIDED,
    /** An amount was refunded to the shopper. */
    PAYMENT_REFUNDED,
    /** The order was cancelled. */
    CANCELLED,
    /** The order was released to the warehouses for picking. */
    RELEASED,
    /** The order is done (delivered and settled). */
    COMPLETED;

    /**
     * Whether events of this type carry a payment change ({@code OrderEvent.payment}).
     *
     * @return true for the {@code PAYMENT_*} types
     */
    public boolean isPayment() {
        return name().startsWith("PAYMENT_");
    }
}
