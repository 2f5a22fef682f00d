package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The journey of one shipment so far, as the carrier reports it.
 *
 * @param trackingNumber    the tracking number asked about; at most 64 characters
 * @param events            the events, distinct event ids, stored oldest first whatever order they
 *                          were given in; at most 500
 * @param estimatedDelivery the carrier's expected delivery day, or null
 */
public record TrackingInfo(String trackingNumber, List<TrackingEvent> events, LocalDate estimatedDelivery) {

    /** The most events one answer holds. */
    public static final int MAX_EVENTS = 500;

    /**
     * Validates the components, and copies and sorts the events.
     *
     * @throws IllegalArgumentException if a component is invalid or two events share an id; the
     *                                  message names the field
     */
    public TrackingInfo {
        Checks.text(trackingNumber, "TrackingInfo.trackingNumber", 64);
        List<TrackingEvent> sorted = new ArrayList<>(Checks.list(events, "TrackingInfo.events"));
        if (sorted.size() > MAX_EVENTS) {
            throw new IllegalArgumentException(
                    "TrackingInfo.events must hold at most " + MAX_EVENTS + " events, had " + sorted.size());
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (!ids.add(sorted.get(i).eventId())) {
                throw new IllegalArgumentException("TrackingInfo.events[" + i + "].eventId \""
                        + sorted.get(i).eventId() + "\" is used by another event");
            }
        }
        sorted.sort(Comparator.comparing(TrackingEvent::occurredAt));
        events = List.copyOf(sorted);
    }

    /**
     * The latest event, i.e. where the shipment is now.
     *
     * @return the most recent event, or empty if the carrier has none yet
     */
    public Optional<TrackingEvent> latest() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }
}
