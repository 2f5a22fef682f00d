package io.caravan.platform.tenancy.infrastructure;

import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreMembershipRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaStoreMembershipRepository implements StoreMembershipRepository {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public Optional<StoreMembership> findByUser(String storeId, String userId) {
        return persistence
                .forStore(storeId)
                .createQuery("select m from StoreMembership m where m.userId = :user", StoreMembership.class)
                .setParameter("user", userId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<StoreMembership> findById(String storeId, String membershipId) {
        return Optional.ofNullable(persistence.forStore(storeId).find(StoreMembership.class, membershipId));
    }

    @Override
    public List<StoreMembership> list(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery("select m from StoreMembership m order by m.createdAt, m.email", StoreMembership.class)
                .getResultList();
    }

    @Override
    public void add(String storeId, StoreMembership membership) {
        persistence.forStore(storeId).persist(membership);
    }

    @Override
    public void remove(String storeId, StoreMembership membership) {
        persistence.forStore(storeId).remove(membership);
    }
}
