package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.CountryCode;
import io.caravan.sdk.money.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One scan or status change of a shipment, typed. The platform applies each event once per
 * (shipment, {@code eventId}), whether it came from a poll or a notification, and moves the
 * shipment's state itself: plugins report what happened, never what the state now is.
 *
 * @param eventId       the carrier's id of the event, or — when the carrier has none — one the
 *                      plugin derives from what identifies the event (type, time, location), so the
 *                      same event polled twice or notified and polled gets the same id; at most 128
 *                      characters
 * @param occurredAt    when it happened
 * @param localDate     the day it happened where it happened (the carrier's local date); required
 *                      for {@link TrackingEventType#DELIVERED}, since return windows count in days
 *                      from the day of delivery at the shopper's place; else null or the date
 * @param type          what happened
 * @param description   the carrier's words, for the shopper; at most 300 characters
 * @param country       where it happened, or null if the carrier does not say
 * @param location      the facility or city, or null; at most 100 characters
 * @param failureReason why a delivery failed: required for {@link TrackingEventType#DELIVERY_FAILED},
 *                      null for every other type
 * @param codCollected  on a {@link TrackingEventType#DELIVERED} cash-on-delivery shipment, the amount
 *                      the courier collected (the platform records it as the payment, checked
 *                      against the shipment's COD amount); null otherwise; greater than zero
 */
public record TrackingEvent(
        String eventId,
        Instant occurredAt,
        LocalDate localDate,
        TrackingEventType type,
        String description,
        CountryCode country,
        String location,
        DeliveryFailureReason failureReason,
        Money codCollected) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or one belongs to another type of
     *                                  event; the message names the field
     */
    public TrackingEvent {
        Checks.text(eventId, "TrackingEvent.eventId", 128);
        Checks.required(occurredAt, "TrackingEvent.occurredAt");
        Checks.required(type, "TrackingEvent.type");
        Checks.text(description, "TrackingEvent.description", 300);
        Checks.optionalText(location, "TrackingEvent.location", 100);
        if (type == TrackingEventType.DELIVERED && localDate == null) {
            throw new IllegalArgumentException("TrackingEvent.localDate is required for DELIVERED");
        }
        if (type == TrackingEventType.DELIVERY_FAILED && failureReason == null) {
            throw new IllegalArgumentException("TrackingEvent.failureReason is required for DELIVERY_FAILED");
        }
        if (type != TrackingEventType.DELIVERY_FAILED && failureReason != null) {
            throw new IllegalArgumentException(
                    "TrackingEvent.failureReason must be null for " + type + " (only DELIVERY_FAILED has one)");
        }
        if (codCollected != null) {
            if (type != TrackingEventType.DELIVERED) {
                throw new IllegalArgumentException(
                        "TrackingEvent.codCollected must be null for " + type + " (only DELIVERED collects)");
            }
            Checks.positive(codCollected, "TrackingEvent.codCollected");
        }
    }

    /**
     * An event of a type that carries nothing else (no failure reason, no collected amount).
     *
     * @param eventId     the event's id
     * @param occurredAt  when
     * @param type        what happened; not {@link TrackingEventType#DELIVERED} or
     *                    {@link TrackingEventType#DELIVERY_FAILED}
     * @param description the carrier's words
     * @param country     where, or null
     * @param location    the facility or city, or null
     * @return the event, without a local date
     */
    public static TrackingEvent of(
            String eventId,
            Instant occurredAt,
            TrackingEventType type,
            String description,
            CountryCode country,
            String location) {
        return new TrackingEvent(eventId, occurredAt, null, type, description, country, location, null, null);
    }

    /**
     * A delivery.
     *
     * @param eventId      the event's id
     * @param occurredAt   when
     * @param localDate    the day, where it was delivered
     * @param description  the carrier's words
     * @param country      where
     * @param codCollected the cash collected, or null when not cash on delivery
     * @return the event
     */
    public static TrackingEvent delivered(
            String eventId,
            Instant occurredAt,
            LocalDate localDate,
            String description,
            CountryCode country,
            Money codCollected) {
        return new TrackingEvent(
                eventId,
                occurredAt,
                localDate,
                TrackingEventType.DELIVERED,
                description,
                country,
                null,
                null,
                codCollected);
    }

    /**
     * A failed delivery attempt.
     *
     * @param eventId     the event's id
     * @param occurredAt  when
     * @param reason      why it failed
     * @param description the carrier's words
     * @param country     where, or null
     * @return the event
     */
    public static TrackingEvent deliveryFailed(
            String eventId, Instant occurredAt, DeliveryFailureReason reason, String description, CountryCode country) {
        return new TrackingEvent(
                eventId, occurredAt, null, TrackingEventType.DELIVERY_FAILED, description, country, null, reason, null);
    }
}
