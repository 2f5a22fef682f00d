package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;

/**
 * Goods that came back and were inspected.
 *
 * @param lineRef   the order's cart line id
 * @param quantity  how many units came back; greater than zero
 * @param reason    why the shopper returned them
 * @param condition the state they arrived in
 */
public record ReturnedItem(String lineRef, int quantity, ReturnReason reason, ItemCondition condition) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public ReturnedItem {
        Checks.text(lineRef, "ReturnedItem.lineRef", 64);
        Checks.positive(quantity, "ReturnedItem.quantity");
        Checks.required(reason, "ReturnedItem.reason");
        Checks.required(condition, "ReturnedItem.condition");
    }
}
