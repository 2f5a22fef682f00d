package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A listing's rating: how many stores rated it and the sum of their stars (1 to 5 each). Kept on
 * the listing and changed by deltas in the same transaction as the review, so the average is a
 * division, never a scan of the reviews.
 */
public record Rating(long count, long sum) {
    public static final Rating NONE = new Rating(0, 0);

    public Rating {
        if (count < 0 || sum < count || sum > 5 * count) {
            throw new IllegalArgumentException("impossible rating: " + count + " reviews, " + sum + " stars in total");
        }
    }

    /** The average with one decimal (half up), as shown; null when nobody rated. */
    public String average() {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(sum)
                .divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A first review with {@code stars}. */
    public Rating plus(int stars) {
        return new Rating(count + 1, sum + ReviewText.stars(stars));
    }

    /** A review with {@code stars} removed. */
    public Rating minus(int stars) {
        return new Rating(count - 1, sum - ReviewText.stars(stars));
    }

    /** A review changed from {@code before} to {@code after} stars. */
    public Rating changed(int before, int after) {
        return new Rating(count, sum - ReviewText.stars(before) + ReviewText.stars(after));
    }

    /** Whether the shown {@link #average()} is at least {@code minimumTenths}/10 (never when nobody rated). */
    public boolean atLeast(int minimumTenths) {
        return count > 0 && meetsRounded(sum, count, minimumTenths);
    }

    /**
     * The rule the catalog filter applies in the database: the average rounded half up to one decimal
     * is at least m/10 exactly when sum/count ≥ (m − ½)/10, that is 20·sum ≥ (2m − 1)·count. Whole
     * numbers only, so the filter agrees with the shown average to the last digit.
     */
    static boolean meetsRounded(long sum, long count, int minimumTenths) {
        return 20 * sum >= (2L * minimumTenths - 1) * count;
    }

    /**
     * A {@code minRating} filter from the client ("4", "4.5"): 1 to 5 with at most one decimal, in
     * tenths (45); null when absent or blank.
     */
    public static Integer minimumTenths(String minRating) {
        if (minRating == null || minRating.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(minRating.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "minRating must be a number from 1 to 5 with at most one decimal, such as 4 or 4.5");
        }
        if (value.compareTo(BigDecimal.ONE) < 0
                || value.compareTo(BigDecimal.valueOf(5)) > 0
                || value.stripTrailingZeros().scale() > 1) {
            throw new InvalidInputException(
                    "minRating must be a number from 1 to 5 with at most one decimal, such as 4 or 4.5");
        }
        return value.movePointRight(1).intValueExact();
    }
}
