package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.domain.ListingReview;
import io.caravan.platform.marketplace.domain.ListingReviewRepository;
import io.caravan.platform.marketplace.domain.Rating;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaListingReviewRepository implements ListingReviewRepository {
    private static final String CHANGED = "The review was changed by another request; reload it and retry.";
    /** SQLSTATE of a unique-constraint violation (PostgreSQL and H2 alike). */
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    StoreScopedPersistence persistence;

    @Override
    public Optional<ListingReview> find(String listingId, String storeId) {
        return persistence
                .platform()
                .createQuery(
                        "select r from ListingReview r where r.listingId = :listing and r.storeId = :store",
                        ListingReview.class)
                .setParameter("listing", listingId)
                .setParameter("store", storeId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Page<ListingReview> list(String listingId, PageRequest page) {
        EntityManager em = persistence.platform();
        List<ListingReview> items = em.createQuery(
                        "select r from ListingReview r where r.listingId = :listing"
                                + " order by r.updatedAt desc, r.id",
                        ListingReview.class)
                .setParameter("listing", listingId)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = em.createQuery("select count(r) from ListingReview r where r.listingId = :listing", Long.class)
                .setParameter("listing", listingId)
                .getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public void add(String storeId, ListingReview review) {
        requireAuthor(storeId, review);
        EntityManager em = persistence.forStore(storeId);
        em.persist(review);
        flush(em, "Another request wrote this store's review of the plugin a moment ago; reload it and retry.");
    }

    @Override
    public void update(String storeId, ListingReview review) {
        requireAuthor(storeId, review);
        flush(persistence.forStore(storeId), CHANGED);
    }

    @Override
    public void remove(String storeId, ListingReview review) {
        requireAuthor(storeId, review);
        EntityManager em = persistence.forStore(storeId);
        em.remove(review);
        flush(em, CHANGED);
    }

    @Override
    public Rating adjustRating(String listingId, long countDelta, long sumDelta) {
        int updated = persistence
                .platform()
                .createQuery("update Listing l set l.ratingCount = l.ratingCount + :count,"
                        + " l.ratingSum = l.ratingSum + :sum where l.id = :id")
                .setParameter("count", countDelta)
                .setParameter("sum", sumDelta)
                .setParameter("id", listingId)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("no listing " + listingId + " to rate");
        }
        return rating(listingId);
    }

    @Override
    public Rating rating(String listingId) {
        // a scalar query reads the row, not the (possibly stale) managed Listing
        Object[] row = persistence
                .platform()
                .createQuery("select l.ratingCount, l.ratingSum from Listing l where l.id = :id", Object[].class)
                .setParameter("id", listingId)
                .getSingleResult();
        return new Rating(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** A review is only ever written on behalf of the store that wrote it. */
    private static void requireAuthor(String storeId, ListingReview review) {
        if (!review.isBy(storeId)) {
            throw new IllegalStateException("a store may only write its own review");
        }
    }

    /**
     * Writes now, before the listing's rating moves, so a lost race (two first reviews by one
     * store, two changes to one review) fails here and the whole transaction rolls back.
     */
    private static void flush(EntityManager em, String conflict) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StateConflictException(conflict);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new StateConflictException(conflict);
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
