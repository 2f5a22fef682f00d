package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;

/**
 * A quantity of one order line the shopper wants to return, and what they want for it.
 *
 * @param lineRef           the order's cart line id; at most 64 characters
 * @param quantity          how many units; greater than zero, at most the units delivered of the line
 * @param reason            why
 * @param comment           the shopper's words, or null; at most 1000 characters
 * @param resolution        what the shopper asks for (the store's authorisation decides what they get)
 * @param exchangeVariantId for an {@link ResolutionType#EXCHANGE}, the store's variant id wanted
 *                          instead; required for an exchange, null otherwise; at most 64 characters
 */
public record ReturnLine(
        String lineRef,
        int quantity,
        ReturnReason reason,
        String comment,
        ResolutionType resolution,
        String exchangeVariantId) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or the exchange variant is missing
     *                                  for an exchange or given for another resolution
     */
    public ReturnLine {
        Checks.text(lineRef, "ReturnLine.lineRef", 64);
        Checks.positive(quantity, "ReturnLine.quantity");
        Checks.required(reason, "ReturnLine.reason");
        Checks.optionalText(comment, "ReturnLine.comment", 1000);
        Checks.required(resolution, "ReturnLine.resolution");
        if (resolution == ResolutionType.EXCHANGE) {
            Checks.text(exchangeVariantId, "ReturnLine.exchangeVariantId (required for EXCHANGE)", 64);
        } else if (exchangeVariantId != null) {
            throw new IllegalArgumentException(
                    "ReturnLine.exchangeVariantId must be null for " + resolution + " (only EXCHANGE has one)");
        }
    }

    /**
     * A line returned for a refund.
     *
     * @param lineRef  the order line
     * @param quantity how many units
     * @param reason   why
     * @return the line, without a comment
     */
    public static ReturnLine refund(String lineRef, int quantity, ReturnReason reason) {
        return new ReturnLine(lineRef, quantity, reason, null, ResolutionType.REFUND, null);
    }
}
