package io.caravan.sdk.model;

import io.caravan.sdk.internal.Checks;

/**
 * The outside dimensions of a parcel in millimetres, each greater than zero.
 *
 * @param lengthMm the longest side
 * @param widthMm  the second side
 * @param heightMm the third side
 */
public record Dimensions(int lengthMm, int widthMm, int heightMm) {

    /**
     * Validates the sides.
     *
     * @throws IllegalArgumentException if a side is zero or negative
     */
    public Dimensions {
        Checks.positive(lengthMm, "Dimensions.lengthMm");
        Checks.positive(widthMm, "Dimensions.widthMm");
        Checks.positive(heightMm, "Dimensions.heightMm");
    }

    /**
     * The volume, for volumetric weight ({@code volume / divisor}, the divisor being the carrier's).
     *
     * @return length × width × height in cubic millimetres
     */
    public long volumeCubicMm() {
        return (long) lengthMm * widthMm * heightMm;
    }
}
