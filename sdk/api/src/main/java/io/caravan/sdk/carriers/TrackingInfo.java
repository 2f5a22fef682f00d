package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The journey of one parcel so far.
 *
 * @param trackingNumber    the tracking number asked about; at most 64 characters
 * @param events            the events, stored oldest first whatever order they were given in
 * @param estimatedDelivery the carrier's expected delivery day, or null
 */
public record TrackingInfo(String trackingNumber, List<TrackingEvent> events, LocalDate estimatedDelivery) {

    /**
     * Validates the components, and copies and sorts the events.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public TrackingInfo {
        Checks.text(trackingNumber, "TrackingInfo.trackingNumber", 64);
        List<TrackingEvent> sorted = new ArrayList<>(Checks.list(events, "TrackingInfo.events"));
        sorted.sort(Comparator.comparing(TrackingEvent::occurredAt));
        events = List.copyOf(sorted);
    }

    /**
     * The latest event, i.e. where the parcel is now.
     *
     * @return the most recent event, or empty if the carrier has none yet
     */
    public Optional<TrackingEvent> latest() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }
}
