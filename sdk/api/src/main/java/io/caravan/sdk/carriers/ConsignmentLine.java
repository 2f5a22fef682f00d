package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.model.LineFlag;
import io.caravan.sdk.model.LineItem;
import io.caravan.sdk.money.Money;
import java.util.Set;

/**
 * The part of a cart line that one consignment ships (a line may be split across warehouses).
 *
 * @param lineId      the cart line's id; at most 64 characters
 * @param sku         the line's SKU; at most 64 characters
 * @param quantity    how many units this consignment ships; greater than zero
 * @param weightGrams the shipping weight of those units together, in grams; not negative
 * @param value       the value of those units after the line's discount (what customs and
 *                    insurance see, and what free-shipping thresholds compare); not negative
 * @param flags       the line's flags (a carrier refuses {@link LineFlag#HAZARDOUS} goods by air)
 */
public record ConsignmentLine(
        String lineId, String sku, int quantity, long weightGrams, Money value, Set<LineFlag> flags) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public ConsignmentLine {
        Checks.text(lineId, "ConsignmentLine.lineId", 64);
        Checks.text(sku, "ConsignmentLine.sku", 64);
        Checks.positive(quantity, "ConsignmentLine.quantity");
        Checks.nonNegative(weightGrams, "ConsignmentLine.weightGrams");
        Checks.nonNegative(value, "ConsignmentLine.value");
        flags = Checks.set(flags, "ConsignmentLine.flags");
    }

    /**
     * The whole of a cart line: all its units, its weight, its net amount and its flags.
     *
     * @param line a cart line
     * @return the consignment line
     */
    public static ConsignmentLine of(LineItem line) {
        return new ConsignmentLine(
                line.lineId(), line.sku(), line.quantity(), line.totalWeightGrams(), line.netAmount(), line.flags());
    }

    /**
     * Whether the line carries a flag.
     *
     * @param flag a flag
     * @return true if {@link #flags()} contains it
     */
    public boolean has(LineFlag flag) {
        return flags.contains(flag);
    }
}
