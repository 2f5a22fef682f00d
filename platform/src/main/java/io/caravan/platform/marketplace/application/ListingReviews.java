package io.caravan.platform.marketplace.application;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.domain.InstallationRepository;
import io.caravan.platform.marketplace.domain.Listing;
import io.caravan.platform.marketplace.domain.ListingRepository;
import io.caravan.platform.marketplace.domain.ListingReview;
import io.caravan.platform.marketplace.domain.ListingReviewRepository;
import io.caravan.platform.marketplace.domain.Rating;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Ratings and reviews: one per store per listing, written by the store's owner only while the store
 * has the plugin installed (any status: a disabled installation still counts). A review outlives an
 * uninstall (it stays, and counts, until its store deletes it), but changing it needs the plugin
 * installed again. The review and the listing's rating change in one transaction; the rating moves
 * by an atomic delta, so concurrent reviews by different stores never lose an update.
 *
 * <p>Who wrote a review (store, member) is never shown to another store or to the developer: readers
 * get the stars, the text and the dates, and a store sees which review is its own.
 */
@ApplicationScoped
public class ListingReviews {
    @Inject
    ListingRepository listings;

    @Inject
    ListingReviewRepository reviews;

    @Inject
    InstallationRepository installations;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The store's review, whether this request created it, and the listing's rating with it. */
    public record Written(ListingReview review, boolean created, Rating rating) {}

    /** One review as a reader gets it; {@code own} when the reading store wrote it. */
    public record Entry(ListingReview review, boolean own) {}

    /** A listing's rating and one page of its reviews, newest first. */
    public record Reviews(Rating rating, Page<Entry> page) {}

    @Transactional
    public Written write(StoreContext store, String pluginId, Integer stars, String title, String body) {
        Listing listing = listing(pluginId);
        // the installation lookup also binds the transaction to the store (row-level security on PostgreSQL)
        if (installations.findByPlugin(store.storeId(), listing.pluginId()).isEmpty()) {
            throw new StateConflictException("Store '" + store.slug() + "' does not have " + pluginId
                    + " installed; only stores that installed a plugin can rate and review it.");
        }
        var existing = reviews.find(listing.id(), store.storeId());
        Written written;
        if (existing.isPresent()) {
            ListingReview review = existing.get();
            int before = review.revise(stars, title, body, store.actor().name(), clock.instant());
            reviews.update(store.storeId(), review);
            written = new Written(review, false, reviews.adjustRating(listing.id(), 0, review.stars() - before));
        } else {
            ListingReview review = new ListingReview(
                    listing, store.storeId(), stars, title, body, store.actor().name(), clock.instant());
            reviews.add(store.storeId(), review);
            written = new Written(review, true, reviews.adjustRating(listing.id(), 1, review.stars()));
        }
        audit.record(
                store.storeId(),
                new AuditEntry(
                        store.actor(),
                        "plugin.reviewed",
                        pluginId,
                        written.review().stars() + " stars" + (written.created() ? "" : " (changed)"),
                        clock.instant()));
        return written;
    }

    @Transactional
    public Rating delete(StoreContext store, String pluginId) {
        Listing listing = listing(pluginId);
        ListingReview review = own(store, listing);
        reviews.remove(store.storeId(), review);
        Rating rating = reviews.adjustRating(listing.id(), -1, -review.stars());
        audit.record(
                store.storeId(),
                new AuditEntry(store.actor(), "plugin.review-deleted", pluginId, null, clock.instant()));
        return rating;
    }

    /** The store's own review of the listing, with the listing's rating. */
    @Transactional
    public Written own(StoreContext store, String pluginId) {
        Listing listing = listing(pluginId);
        return new Written(own(store, listing), false, reviews.rating(listing.id()));
    }

    /** The listing's reviews as a store reads them: its own marked. */
    @Transactional
    public Reviews forStore(StoreContext store, String pluginId, PageRequest page) {
        Listing listing = listing(pluginId);
        return new Reviews(
                reviews.rating(listing.id()),
                reviews.list(listing.id(), page).map(r -> new Entry(r, r.isBy(store.storeId()))));
    }

    /** The reviews of one of the developer's own listings (another developer's listing is a 404). */
    @Transactional
    public Reviews forDeveloper(CaravanUser developer, String pluginId, PageRequest page) {
        Listing listing = listings.findByPluginId(pluginId)
                .filter(l -> l.isOwnedBy(developer.userId()))
                .orElseThrow(() -> new NotFoundException("You have no listing '" + pluginId + "'."));
        return new Reviews(
                reviews.rating(listing.id()), reviews.list(listing.id(), page).map(r -> new Entry(r, false)));
    }

    private ListingReview own(StoreContext store, Listing listing) {
        return reviews.find(listing.id(), store.storeId())
                .orElseThrow(() -> new NotFoundException(
                        "Store '" + store.slug() + "' has not reviewed " + listing.pluginId() + "."));
    }

    private Listing listing(String pluginId) {
        return listings.findByPluginId(pluginId)
                .orElseThrow(() -> new NotFoundException("No plugin '" + pluginId + "' in the catalog."));
    }
}
