package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;

/**
 * What became of a cancellation. "Do not know" is an answer ({@link CancellationStatus#UNKNOWN}),
 * never a guess: the platform marks a shipment cancelled only on {@link CancellationStatus#CANCELLED}.
 *
 * @param status  the outcome
 * @param message the carrier's words, for the merchant; required unless cancelled, at most 300
 *                characters
 */
public record CancellationResult(CancellationStatus status, String message) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the status is missing, or a message is missing for
     *                                  {@code TOO_LATE} or {@code UNKNOWN}
     */
    public CancellationResult {
        Checks.required(status, "CancellationResult.status");
        if (status == CancellationStatus.CANCELLED) {
            Checks.optionalText(message, "CancellationResult.message", 300);
        } else {
            Checks.text(message, "CancellationResult.message (required when " + status + ")", 300);
        }
    }

    /**
     * The booking is void.
     *
     * @return the result, without a message
     */
    public static CancellationResult cancelled() {
        return new CancellationResult(CancellationStatus.CANCELLED, null);
    }

    /**
     * Definitely not cancelled: the carrier has the parcel.
     *
     * @param message why, e.g. {@code "picked up 10:42"}
     * @return the result
     */
    public static CancellationResult tooLate(String message) {
        return new CancellationResult(CancellationStatus.TOO_LATE, message);
    }

    /**
     * The outcome is not known.
     *
     * @param message what happened, e.g. {@code "no answer from the carrier"}
     * @return the result
     */
    public static CancellationResult unknown(String message) {
        return new CancellationResult(CancellationStatus.UNKNOWN, message);
    }
}
