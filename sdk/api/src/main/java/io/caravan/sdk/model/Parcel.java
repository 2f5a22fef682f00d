package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;
import io.caravan.sdk.money.Money;
import java.util.List;

/**
 * One package to rate or ship.
 *
 * @param weightGrams the gross weight in grams, packaging included; greater than zero
 * @param dimensions  the outside dimensions
 * @param value       the declared value of the contents (customs, insurance); not negative
 * @param lineRefs    the cart line ids packed in it (for customs declarations), possibly empty
 *                    when rating before packing
 */
public record Parcel(long weightGrams, Dimensions dimensions, Money value, List<String> lineRefs) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Parcel {
        Checks.positive(weightGrams, "Parcel.weightGrams");
        Checks.required(dimensions, "Parcel.dimensions");
        Checks.nonNegative(value, "Parcel.value");
        lineRefs = Checks.list(lineRefs, "Parcel.lineRefs");
    }
}
