package io.caravan.sdk.membership;

import io.caravan.sdk.internal.Checks;
import java.time.Instant;

/**
 * Something a member did that the programme may reward with points.
 *
 * @param interactionId the platform's id of it (a review's id, the referred customer's first
 *                      order): grants for it are keyed by it, so a replay writes nothing; at most 64 characters
 * @param type          what it was
 * @param customerId    the member; at most 128 characters
 * @param tierId        the member's tier, or null; at most 64 characters
 * @param at            when it happened
 * @param now           the platform's time of the request
 */
public record InteractionRequest(
        String interactionId, InteractionType type, String customerId, String tierId, Instant at, Instant now) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public InteractionRequest {
        Checks.text(interactionId, "InteractionRequest.interactionId", 64);
        Checks.required(type, "InteractionRequest.type");
        Checks.text(customerId, "InteractionRequest.customerId", 128);
        Checks.optionalText(tierId, "InteractionRequest.tierId", 64);
        Checks.required(at, "InteractionRequest.at");
        Checks.required(now, "InteractionRequest.now");
    }
}
