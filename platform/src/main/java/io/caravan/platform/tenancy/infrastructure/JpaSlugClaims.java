package io.caravan.platform.tenancy.infrastructure;

import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.AbandonedClaim;
import io.caravan.platform.tenancy.domain.SlugClaimedException;
import io.caravan.platform.tenancy.domain.SlugClaims;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.config.QueryHints;

@ApplicationScoped
public class JpaSlugClaims implements SlugClaims {
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    StoreScopedPersistence persistence;

    @Override
    public void claim(
            StoreSlug slug, String claimId, String ownerEmail, String storeName, Instant now, Instant staleBefore) {
        EntityManager em = persistence.platform();
        int takenOver = em.createNativeQuery("update store_claims set claim_id = ?, claimed_at = ?,"
                        + " owner_email = ?, store_name = ? where slug = ? and claimed_at < ?")
                .setParameter(1, claimId)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, ownerEmail)
                .setParameter(4, storeName)
                .setParameter(5, slug.value())
                .setParameter(6, Timestamp.from(staleBefore))
                .executeUpdate();
        if (takenOver == 1) {
            return;
        }
        try {
            // A rival's uncommitted claim makes this insert wait for the rival's commit, then fail.
            em.createNativeQuery("insert into store_claims (slug, claim_id, claimed_at, owner_email, store_name)"
                            + " values (?, ?, ?, ?, ?)")
                    .setParameter(1, slug.value())
                    .setParameter(2, claimId)
                    .setParameter(3, Timestamp.from(now))
                    .setParameter(4, ownerEmail)
                    .setParameter(5, storeName)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new SlugClaimedException(slug);
            }
            throw e;
        }
    }

    @Override
    public List<AbandonedClaim> abandoned(Instant staleBefore, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = persistence
                .platform()
                .createNativeQuery("select slug, claim_id, owner_email, store_name, claimed_at from store_claims"
                        + " where claimed_at < ? order by claimed_at")
                // EclipseLink refuses native reads once a unit has multitenant entities; this one
                // reads a platform-owned table that has no tenant column.
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, Boolean.TRUE)
                .setParameter(1, Timestamp.from(staleBefore))
                .setMaxResults(max)
                .getResultList();
        List<AbandonedClaim> claims = new ArrayList<>();
        for (Object[] row : rows) {
            claims.add(new AbandonedClaim(
                    new StoreSlug((String) row[0]),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    instant(row[4])));
        }
        return claims;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException(
                "unexpected claimed_at type " + value.getClass().getName());
    }

    @Override
    public boolean takeOver(StoreSlug slug, String staleClaimId, String newClaimId, Instant now) {
        return persistence
                        .platform()
                        .createNativeQuery("update store_claims set claim_id = ?, claimed_at = ?"
                                + " where slug = ? and claim_id = ?")
                        .setParameter(1, newClaimId)
                        .setParameter(2, Timestamp.from(now))
                        .setParameter(3, slug.value())
                        .setParameter(4, staleClaimId)
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean release(StoreSlug slug, String claimId) {
        return persistence
                        .platform()
                        .createNativeQuery("delete from store_claims where slug = ? and claim_id = ?")
                        .setParameter(1, slug.value())
                        .setParameter(2, claimId)
                        .executeUpdate()
                == 1;
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
