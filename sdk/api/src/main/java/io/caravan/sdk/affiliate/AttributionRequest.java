package io.caravan.sdk.affiliate;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An order and the referral touchpoints that preceded it.
 *
 * @param order       the placed order
 * @param touchpoints the shopper's touchpoints the platform recorded, stored oldest first; may be empty
 */
public record AttributionRequest(Order order, List<Touchpoint> touchpoints) {

    /**
     * Validates the components, and copies and sorts the touchpoints.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public AttributionRequest {
        Checks.required(order, "AttributionRequest.order");
        List<Touchpoint> sorted = new ArrayList<>(Checks.list(touchpoints, "AttributionRequest.touchpoints"));
        sorted.sort(Comparator.comparing(Touchpoint::at));
        touchpoints = List.copyOf(sorted);
    }
}
