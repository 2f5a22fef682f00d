package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.CountryCode;
import java.time.Instant;

/**
 * One scan or status change of a parcel.
 *
 * @param occurredAt  when it happened
 * @param type        what happened
 * @param description the carrier's words, for the shopper; at most 300 characters
 * @param country     where it happened, or null if the carrier does not say
 * @param location    the facility or city, or null; at most 100 characters
 */
public record TrackingEvent(
        Instant occurredAt, TrackingEventType type, String description, CountryCode country, String location) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public TrackingEvent {
        Checks.required(occurredAt, "TrackingEvent.occurredAt");
        Checks.required(type, "TrackingEvent.type");
        Checks.text(description, "TrackingEvent.description", 300);
        Checks.optionalText(location, "TrackingEvent.location", 100);
    }
}
