package io.caravan.platform.marketplace.domain;

import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import java.util.Optional;

/**
 * Reviews (platform-owned rows, written only on behalf of the store that owns each): writes take
 * the store, so the transaction is bound to it (on PostgreSQL, row-level security refuses any
 * other store's row); reads are open.
 */
public interface ListingReviewRepository {
    Optional<ListingReview> find(String listingId, String storeId);

    /** A listing's reviews, the most recently written first. */
    Page<ListingReview> list(String listingId, PageRequest page);

    /** Adds the store's review and writes it at once (a second review by the same store is a conflict). */
    void add(String storeId, ListingReview review);

    /** Writes the store's changed review at once (a concurrent change is a conflict). */
    void update(String storeId, ListingReview review);

    void remove(String storeId, ListingReview review);

    /**
     * Moves the listing's rating by the given deltas in one atomic statement, so concurrent reviews
     * by different stores never lose an update; returns the rating after the change.
     */
    Rating adjustRating(String listingId, long countDelta, long sumDelta);

    Rating rating(String listingId);
}
