package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;

/**
 * A quantity of one order line the shopper wants to return.
 *
 * @param lineRef  the order's cart line id
 * @param quantity how many units; greater than zero, at most the line's quantity
 * @param reason   why
 * @param comment  the shopper's words, or null; at most 1000 characters
 */
public record ReturnLine(String lineRef, int quantity, ReturnReason reason, String comment) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public ReturnLine {
        Checks.text(lineRef, "ReturnLine.lineRef", 64);
        Checks.positive(quantity, "ReturnLine.quantity");
        Checks.required(reason, "ReturnLine.reason");
        Checks.optionalText(comment, "ReturnLine.comment", 1000);
    }
}
