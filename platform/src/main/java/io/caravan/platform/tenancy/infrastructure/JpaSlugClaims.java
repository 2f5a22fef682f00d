package io.caravan.platform.tenancy.infrastructure;

import io.caravan.platform.shared.persistence.StoreScopedPersistence;
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

@ApplicationScoped
public class JpaSlugClaims implements SlugClaims {
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    StoreScopedPersistence persistence;

    @Override
    public void claim(StoreSlug slug, String claimId, Instant now, Instant staleBefore) {
        EntityManager em = persistence.platform();
        int takenOver = em.createNativeQuery(
                        "update store_claims set claim_id = ?, claimed_at = ?" + " where slug = ? and claimed_at < ?")
                .setParameter(1, claimId)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, slug.value())
                .setParameter(4, Timestamp.from(staleBefore))
                .executeUpdate();
        if (takenOver == 1) {
            return;
        }
        try {
            // A rival's uncommitted claim makes this insert wait for the rival's commit, then fail.
            em.createNativeQuery("insert into store_claims (slug, claim_id, claimed_at) values (?, ?, ?)")
                    .setParameter(1, slug.value())
                    .setParameter(2, claimId)
                    .setParameter(3, Timestamp.from(now))
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new SlugClaimedException(slug);
            }
            throw e;
        }
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
