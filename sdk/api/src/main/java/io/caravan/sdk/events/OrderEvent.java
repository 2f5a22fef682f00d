package io.caravan.sdk.events;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.money.Money;
import java.time.Instant;

/**
 * Something that happened to an order.
 *
 * @param eventId    unique per event and the same on every redelivery of it: the dedup key; at
 *                   most 128 characters
 * @param type       what happened
 * @param occurredAt when it happened (events of one order are delivered in this order, but a
 *                   redelivery may arrive after a later event)
 * @param order      the order as it was right after the event
 * @param amount     the money concerned for {@link OrderEventType#PAID} and {@link OrderEventType#REFUNDED}
 *                   (greater than zero, in the order's currency); null for other types
 */
public record OrderEvent(String eventId, OrderEventType type, Instant occurredAt, Order order, Money amount) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or the amount is missing for a
     *                                  payment or refund, or present for another type
     */
    public OrderEvent {
        Checks.text(eventId, "OrderEvent.eventId", 128);
        Checks.required(type, "OrderEvent.type");
        Checks.required(occurredAt, "OrderEvent.occurredAt");
        Checks.required(order, "OrderEvent.order");
        if (type == OrderEventType.PAID || type == OrderEventType.REFUNDED) {
            Checks.positive(amount, "OrderEvent.amount");
            Checks.currency(amount, order.cart().currency(), "OrderEvent.amount");
        } else if (amount != null) {
            throw new IllegalArgumentException("OrderEvent.amount must be null for " + type);
        }
    }
}
