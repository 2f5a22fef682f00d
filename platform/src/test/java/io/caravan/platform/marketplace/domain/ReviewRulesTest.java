package io.caravan.platform.marketplace.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewRulesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static Listing listing() {
        return new Listing(
                "flat-tax",
                "dev-1",
                "dev",
                new ListingDetails(
                        "Flat tax",
                        "A flat tax",
                        Map.of("en", "Flat."),
                        List.of("tax"),
                        List.of("TAX"),
                        List.of("*"),
                        Pricing.free(),
                        "support@example.test",
                        null),
                T0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 6, 10})
    void starsOutsideOneToFiveAreRefused(int stars) {
        assertThatThrownBy(() -> new ListingReview(listing(), "store-a", stars, null, null, "olga", T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stars");
    }

    @Test
    void starsAreRequired() {
        assertThatThrownBy(() -> new ListingReview(listing(), "store-a", null, "Good", null, "olga", T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stars");
    }

    @Test
    void titleAndBodyHaveMaximumLengthsAndBlankMeansAbsent() {
        ListingReview atLimits =
                new ListingReview(listing(), "store-a", 5, "t".repeat(120), "b".repeat(2000), "olga", T0);
        assertThat(atLimits.title()).hasSize(120);
        assertThat(atLimits.body()).hasSize(2000);
        assertThatThrownBy(() -> new ListingReview(listing(), "store-a", 5, "t".repeat(121), null, "olga", T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("title")
                .hasMessageContaining("120");
        assertThatThrownBy(() -> new ListingReview(listing(), "store-a", 5, null, "b".repeat(2001), "olga", T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("body")
                .hasMessageContaining("2000");
        ListingReview blank = new ListingReview(listing(), "store-a", 3, "   ", "\n", "olga", T0);
        assertThat(blank.title()).isNull();
        assertThat(blank.body()).isNull();
        assertThat(new ListingReview(listing(), "store-a", 3, "  Works  ", null, "olga", T0).title())
                .isEqualTo("Works");
    }

    @Test
    void aTitleIsOneLineAndABodyKeepsItsLineBreaksOnly() {
        assertThatThrownBy(() -> new ListingReview(listing(), "store-a", 4, "two\nlines", null, "olga", T0))
                .hasMessageContaining("title");
        assertThat(new ListingReview(listing(), "store-a", 4, null, "para one\n\npara two\tend", "olga", T0).body())
                .isEqualTo("para one\n\npara two\tend");
        assertThatThrownBy(() -> new ListingReview(listing(), "store-a", 4, null, "bell\u0007", "olga", T0))
                .hasMessageContaining("body");
    }

    @Test
    void revisingReturnsTheStarsBeforeAndKeepsTheCreationDate() {
        ListingReview review = new ListingReview(listing(), "store-a", 2, "Meh", null, "olga", T0);
        int before = review.revise(5, "Fixed now", "Support answered in an hour.", "oscar", T0.plusSeconds(60));
        assertThat(before).isEqualTo(2);
        assertThat(review.stars()).isEqualTo(5);
        assertThat(review.author()).isEqualTo("oscar");
        assertThat(review.createdAt()).isEqualTo(T0);
        assertThat(review.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(review.pluginId()).isEqualTo("flat-tax");
        assertThat(review.isBy("store-a")).isTrue();
        assertThat(review.isBy("store-b")).isFalse();
        assertThatThrownBy(() -> review.revise(0, null, null, "oscar", T0)).hasMessageContaining("stars");
    }

    @Test
    void datesKeepTheDatabasePrecision() {
        ListingReview review =
                new ListingReview(listing(), "store-a", 3, null, null, "olga", T0.plusNanos(123_456_789));
        assertThat(review.createdAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(review.updatedAt()).isEqualTo(review.createdAt());
    }

    @Test
    void aNewListingIsUnrated() {
        assertThat(listing().rating()).isEqualTo(Rating.NONE);
        assertThat(Rating.NONE.average()).isNull();
        assertThat(Rating.NONE.atLeast(10)).isFalse();
    }

    @Test
    void theAggregateFollowsAddChangeAndRemove() {
        Rating rating = Rating.NONE.plus(5).plus(4).plus(4);
        assertThat(rating).isEqualTo(new Rating(3, 13));
        assertThat(rating.average()).isEqualTo("4.3");
        rating = rating.changed(4, 1);
        assertThat(rating).isEqualTo(new Rating(3, 10));
        assertThat(rating.average()).isEqualTo("3.3");
        rating = rating.minus(5);
        assertThat(rating).isEqualTo(new Rating(2, 5));
        assertThat(rating.average()).isEqualTo("2.5");
        assertThat(rating.minus(4).minus(1)).isEqualTo(Rating.NONE);
        assertThatThrownBy(() -> Rating.NONE.minus(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rating.NONE.plus(6)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Rating(2, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rating(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"1,5,5.0", "2,9,4.5", "3,14,4.7", "7,30,4.3", "6,25,4.2", "1,1,1.0", "8,17,2.1"})
    void theAverageHasOneDecimalRoundedHalfUp(long count, long sum, String shown) {
        assertThat(new Rating(count, sum).average()).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"4,40", "4.5,45", "1,10", "5,50", "3.0,30", " 2.7 ,27", "4.50,45"})
    void minRatingIsOneToFiveWithOneDecimalInTenths(String given, int tenths) {
        assertThat(Rating.minimumTenths(given)).isEqualTo(tenths);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.9", "5.1", "6", "4.25", "four", "NaN", "1e1", "-4"})
    void anyOtherMinRatingIsRefused(String given) {
        assertThatThrownBy(() -> Rating.minimumTenths(given))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("minRating");
    }

    @Test
    void noMinRatingMeansNoFilter() {
        assertThat(Rating.minimumTenths(null)).isNull();
        assertThat(Rating.minimumTenths(" ")).isNull();
    }

    @Test
    void theFilterRuleAgreesWithTheShownAverageForEveryRatingAndThreshold() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long count = 1 + random.nextInt(500);
            long sum = count + (long) (random.nextDouble() * 4 * count + 0.5);
            Rating rating = new Rating(count, Math.min(sum, 5 * count));
            int threshold = 10 + random.nextInt(41);
            boolean shownReaches =
                    new java.math.BigDecimal(rating.average()).movePointRight(1).intValueExact() >= threshold;
            assertThat(rating.atLeast(threshold))
                    .as(rating + " against " + threshold)
                    .isEqualTo(shownReaches);
        }
        // the edge the simple rule gets wrong: 30/7 = 4.2857…, shown as 4.3, so minRating=4.3 keeps it
        assertThat(new Rating(7, 30).atLeast(43)).isTrue();
        assertThat(new Rating(7, 29).atLeast(42)).isFalse(); // 4.142… shown as 4.1
    }
}
