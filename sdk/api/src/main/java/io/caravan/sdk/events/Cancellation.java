package io.caravan.sdk.events;

import io.caravan.sdk.internal.Checks;

/**
 * The cancellation part of a {@code CANCELLED} order event.
 *
 * @param reason      why, in words or as the store's reason code ({@code "payment_expired"},
 *                    {@code "customer_request"}); at most 300 characters
 * @param cancelledBy who cancelled
 */
public record Cancellation(String reason, CancelledBy cancelledBy) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Cancellation {
        Checks.text(reason, "Cancellation.reason", 300);
        Checks.required(cancelledBy, "Cancellation.cancelledBy");
    }
}
