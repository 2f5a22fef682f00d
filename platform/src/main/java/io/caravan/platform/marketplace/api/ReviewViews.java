package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.ListingReviews;
import io.caravan.platform.marketplace.domain.ListingReview;
import io.caravan.platform.marketplace.domain.Rating;
import java.time.Instant;
import java.util.List;

/**
 * Reviews as readers get them. Nothing here names the store that wrote a review, or its member,
 * except to that store itself: another store and the developer see the stars, the text and the dates.
 */
public final class ReviewViews {
    private ReviewViews() {}

    /** One review in a list; {@code mine} and {@code author} only for the store that wrote it. */
    public record ReviewView(
            int stars, String title, String body, Instant createdAt, Instant updatedAt, Boolean mine, String author) {
        static ReviewView forStore(ListingReviews.Entry entry) {
            ListingReview r = entry.review();
            return new ReviewView(
                    r.stars(),
                    r.title(),
                    r.body(),
                    r.createdAt(),
                    r.updatedAt(),
                    entry.own(),
                    entry.own() ? r.author() : null);
        }

        static ReviewView forDeveloper(ListingReviews.Entry entry) {
            ListingReview r = entry.review();
            return new ReviewView(r.stars(), r.title(), r.body(), r.createdAt(), r.updatedAt(), null, null);
        }
    }

    /** A listing's rating (average with one decimal, absent when nobody rated) and a page of its reviews, newest first. */
    public record ReviewsView(
            String slug,
            String ratingAverage,
            long ratingCount,
            List<ReviewView> items,
            int page,
            int size,
            long total) {
        static ReviewsView of(
                String slug,
                ListingReviews.Reviews reviews,
                java.util.function.Function<ListingReviews.Entry, ReviewView> view) {
            return new ReviewsView(
                    slug,
                    reviews.rating().average(),
                    reviews.rating().count(),
                    reviews.page().items().stream().map(view).toList(),
                    reviews.page().page(),
                    reviews.page().size(),
                    reviews.page().total());
        }
    }

    /** The store's own review, with the listing's rating as it stands after it. */
    public record OwnReviewView(
            String slug,
            int stars,
            String title,
            String body,
            String author,
            Instant createdAt,
            Instant updatedAt,
            String ratingAverage,
            long ratingCount) {
        static OwnReviewView of(ListingReview r, Rating rating) {
            return new OwnReviewView(
                    r.pluginId(),
                    r.stars(),
                    r.title(),
                    r.body(),
                    r.author(),
                    r.createdAt(),
                    r.updatedAt(),
                    rating.average(),
                    rating.count());
        }
    }
}
