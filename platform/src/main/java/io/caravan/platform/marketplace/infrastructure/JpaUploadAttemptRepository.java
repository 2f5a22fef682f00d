package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.domain.UploadAttempt;
import io.caravan.platform.marketplace.domain.UploadAttemptRepository;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Upload attempts in the platform's database (the table upload_attempts). */
@ApplicationScoped
public class JpaUploadAttemptRepository implements UploadAttemptRepository {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public void add(UploadAttempt attempt) {
        persistence.platform().persist(attempt);
    }

    @Override
    public List<Instant> attemptTimesAfter(String developerId, Instant after) {
        return persistence
                .platform()
                .createQuery(
                        "select a.attemptedAt from UploadAttempt a where a.developerId = :developer"
                                + " and a.attemptedAt > :after order by a.attemptedAt",
                        Instant.class)
                .setParameter("developer", developerId)
                .setParameter("after", after)
                .getResultList();
    }
}
