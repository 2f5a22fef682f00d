package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import java.time.LocalDate;

/**
 * When a consignment arrives, counted from the order day and including the warehouse's handling:
 * a value of its own so the fewest and the most days cannot be swapped silently.
 *
 * @param minDays      the fewest calendar days from the order day to delivery, handling included;
 *                     at least {@code handlingDays}
 * @param maxDays      the most days; at least {@code minDays}
 * @param handlingDays the warehouse's part of them (pick and pack before the parcel leaves); not negative
 * @param earliest     the earliest delivery day
 * @param latest       the latest delivery day; not before {@code earliest}
 */
public record DeliveryEstimate(int minDays, int maxDays, int handlingDays, LocalDate earliest, LocalDate latest) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the days are negative, out of order, or the dates are; the
     *                                  message names the field
     */
    public DeliveryEstimate {
        Checks.nonNegative(handlingDays, "DeliveryEstimate.handlingDays");
        if (minDays < handlingDays) {
            throw new IllegalArgumentException(
                    "DeliveryEstimate.minDays must be >= handlingDays (" + handlingDays + "), was " + minDays);
        }
        if (maxDays < minDays) {
            throw new IllegalArgumentException(
                    "DeliveryEstimate.maxDays must be >= minDays (" + minDays + "), was " + maxDays);
        }
        Checks.required(earliest, "DeliveryEstimate.earliest");
        Checks.required(latest, "DeliveryEstimate.latest");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException(
                    "DeliveryEstimate.latest must not be before earliest (" + earliest + "), was " + latest);
        }
    }

    /**
     * The estimate for a consignment ordered on a day: handling, then transit.
     *
     * @param orderDay       the day the order is placed
     * @param handlingDays   the warehouse's handling days
     * @param minTransitDays the fewest days in transit
     * @param maxTransitDays the most days in transit
     * @return the estimate, in calendar days
     * @throws IllegalArgumentException if a number is negative or the transit days are out of order
     */
    public static DeliveryEstimate of(LocalDate orderDay, int handlingDays, int minTransitDays, int maxTransitDays) {
        Checks.required(orderDay, "DeliveryEstimate.orderDay");
        Checks.nonNegative(minTransitDays, "DeliveryEstimate.minTransitDays");
        if (maxTransitDays < minTransitDays) {
            throw new IllegalArgumentException("DeliveryEstimate.maxTransitDays must be >= minTransitDays ("
                    + minTransitDays + "), was " + maxTransitDays);
        }
        int min = Math.addExact(handlingDays, minTransitDays);
        int max = Math.addExact(handlingDays, maxTransitDays);
        return new DeliveryEstimate(min, max, handlingDays, orderDay.plusDays(min), orderDay.plusDays(max));
    }
}
