package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;

/**
 * A request to cancel a booked shipment before the carrier has it.
 *
 * @param idempotencyKey the platform's key for this cancellation (one per shipment); a repeat
 *                       returns the first outcome; at most 128 characters
 * @param shipment       the booking to cancel
 * @param reason         why, for the carrier's records ({@code "order cancelled"}), or null; at
 *                       most 200 characters
 */
public record CancellationRequest(String idempotencyKey, CarrierShipment shipment, String reason) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public CancellationRequest {
        Checks.text(idempotencyKey, "CancellationRequest.idempotencyKey", 128);
        Checks.required(shipment, "CancellationRequest.shipment");
        Checks.optionalText(reason, "CancellationRequest.reason", 200);
    }
}
