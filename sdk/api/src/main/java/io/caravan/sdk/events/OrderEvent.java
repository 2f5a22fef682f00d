package io.caravan.sdk.events;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.OrderEventType;
import java.time.Instant;

/**
 * Something that happened to an order, as the platform's outbox delivers it.
 *
 * <p>The payload is typed without polymorphism (the sandbox protocol maps records through their
 * canonical constructors): exactly the payload component its type needs is non-null —
 * {@link #payment()} for the {@code PAYMENT_*} types, {@link #cancellation()} for
 * {@link OrderEventType#CANCELLED}, neither for the others.
 *
 * @param eventId       unique per event and delivery target, the same on every redelivery of it:
 *                      the dedup key; at most 128 characters
 * @param orderId       the order's id; equal to {@code order().id()}
 * @param sequence      the event's number within its order: 1 for the first, then without gaps.
 *                      Events of one order are delivered in sequence order: event n+1 only after n
 *                      was acknowledged, so a listener never sees them out of order
 * @param schemaVersion the version of this record's shape; {@link #SCHEMA_VERSION} today, between 1
 *                      and it
 * @param type          what happened
 * @param occurredAt    when it happened
 * @param order         the order as it was right after the event
 * @param payment       the payment change, for {@code PAYMENT_*} types; null otherwise
 * @param cancellation  the cancellation, for {@link OrderEventType#CANCELLED}; null otherwise
 */
public record OrderEvent(
        String eventId,
        String orderId,
        long sequence,
        int schemaVersion,
        OrderEventType type,
        Instant occurredAt,
        Order order,
        PaymentChange payment,
        Cancellation cancellation) {

    /** The current version of the event's shape. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, the order id does not match, or
     *                                  the payload does not fit the type; the message names the field
     */
    public OrderEvent {
        Checks.text(eventId, "OrderEvent.eventId", 128);
        Checks.text(orderId, "OrderEvent.orderId", 64);
        Checks.positive(sequence, "OrderEvent.sequence");
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "OrderEvent.schemaVersion must be between 1 and " + SCHEMA_VERSION + ", was " + schemaVersion);
        }
        Checks.required(type, "OrderEvent.type");
        Checks.required(occurredAt, "OrderEvent.occurredAt");
        Checks.required(order, "OrderEvent.order");
        if (!order.id().equals(orderId)) {
            throw new IllegalArgumentException(
                    "OrderEvent.orderId must be the order's id \"" + order.id() + "\", was \"" + orderId + "\"");
        }
        if (type.isPayment()) {
            Checks.required(payment, "OrderEvent.payment (required for " + type + ")");
            Checks.currency(payment.amount(), order.cart().currency(), "OrderEvent.payment.amount");
        } else if (payment != null) {
            throw new IllegalArgumentException("OrderEvent.payment must be null for " + type);
        }
        if (type == OrderEventType.CANCELLED) {
            Checks.required(cancellation, "OrderEvent.cancellation (required for CANCELLED)");
        } else if (cancellation != null) {
            throw new IllegalArgumentException("OrderEvent.cancellation must be null for " + type);
        }
    }
}
