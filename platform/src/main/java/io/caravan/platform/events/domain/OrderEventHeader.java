package io.caravan.platform.events.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the outbox reads of an order event besides its payload: identity, place in its order's
 * sequence and type. Built from the SDK's {@code OrderEvent} (whose constructor has validated it)
 * by {@code events.application.EventOutbox}.
 *
 * @param eventId       unique across events, at most 128 characters
 * @param orderId       the order
 * @param sequence      the event's place in its order's events, from 1, without gaps
 * @param schemaVersion the event's schema version
 * @param type          the {@code OrderEventType}'s name (what listeners subscribe to)
 * @param occurredAt    when it happened
 */
public record OrderEventHeader(
        String eventId, String orderId, long sequence, int schemaVersion, String type, Instant occurredAt) {
    public OrderEventHeader {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, not " + sequence);
        }
    }
}
