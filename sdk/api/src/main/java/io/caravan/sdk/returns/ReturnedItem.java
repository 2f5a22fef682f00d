package io.caravan.sdk.returns;

import io.caravan.sdk.internal.Checks;

/**
 * Goods that came back and were inspected.
 *
 * @param lineRef   the order's cart line id; at most 64 characters
 * @param quantity  how many units came back in this condition and grade; greater than zero
 * @param reason    why the shopper returned them
 * @param condition the state they arrived in
 * @param grade     what happens to them now (only {@link InspectionGrade#RESTOCK} goes back to stock)
 */
public record ReturnedItem(
        String lineRef, int quantity, ReturnReason reason, ItemCondition condition, InspectionGrade grade) {

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
        Checks.required(grade, "ReturnedItem.grade");
    }
}
