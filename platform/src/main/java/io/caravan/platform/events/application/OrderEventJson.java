package io.caravan.platform.events.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.caravan.platform.events.domain.OrderEventHeader;
import io.caravan.sandbox.protocol.SandboxJson;
import io.caravan.sdk.events.OrderEvent;

/**
 * How the outbox stores an SDK {@link OrderEvent} and rebuilds it for a listener: JSON written and
 * read by the sandbox protocol's own mapper ({@link SandboxJson}), the one that carries the event to
 * a sandboxed listener, so a listener in either tier receives what was stored. Reading goes through
 * the record's canonical constructor, so a rebuilt event has passed the SDK's checks again.
 *
 * <p>The one thing a listener receives that differs from the stored event is its
 * {@code eventId}: each listener gets the id of its own delivery, unique per (event, installation)
 * and the same on every redelivery — the dedup key (docs/architecture.md, "Order events").
 */
final class OrderEventJson {
    private OrderEventJson() {}

    static OrderEventHeader header(OrderEvent event) {
        return new OrderEventHeader(
                event.eventId(),
                event.orderId(),
                event.sequence(),
                event.schemaVersion(),
                event.type().name(),
                event.occurredAt());
    }

    /**
     * The event as stored; read back at once so an event that would not come back whole (a
     * listener could never receive it) fails its writer's transaction rather than its delivery.
     */
    static String write(OrderEvent event) {
        String json = json(event);
        if (!json(read(json)).equals(json)) {
            throw new IllegalArgumentException(
                    "order event " + event.eventId() + " does not read back as written; it cannot be delivered");
        }
        return json;
    }

    /** The stored event as one delivery hands it over: with the delivery's id as its event id. */
    static OrderEvent forDelivery(String json, String deliveryId) {
        OrderEvent stored = read(json);
        return new OrderEvent(
                deliveryId,
                stored.orderId(),
                stored.sequence(),
                stored.schemaVersion(),
                stored.type(),
                stored.occurredAt(),
                stored.order(),
                stored.payment(),
                stored.cancellation());
    }

    private static String json(OrderEvent event) {
        try {
            return SandboxJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "order event " + event.eventId() + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static OrderEvent read(String json) {
        try {
            return SandboxJson.mapper().readValue(json, OrderEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored order event does not read back: " + e.getOriginalMessage(), e);
        }
    }
}
