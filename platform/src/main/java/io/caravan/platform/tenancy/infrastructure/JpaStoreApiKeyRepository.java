package io.caravan.platform.tenancy.infrastructure;

import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.StoreApiKey;
import io.caravan.platform.tenancy.domain.StoreApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaStoreApiKeyRepository implements StoreApiKeyRepository {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public Optional<StoreApiKey> findByHash(String storeId, String keyHash) {
        return persistence
                .forStore(storeId)
                .createQuery("select k from StoreApiKey k where k.keyHash = :hash", StoreApiKey.class)
                .setParameter("hash", keyHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<StoreApiKey> findById(String storeId, String keyId) {
        return Optional.ofNullable(persistence.forStore(storeId).find(StoreApiKey.class, keyId));
    }

    @Override
    public List<StoreApiKey> list(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery("select k from StoreApiKey k order by k.createdAt desc", StoreApiKey.class)
                .getResultList();
    }

    @Override
    public void add(String storeId, StoreApiKey key) {
        persistence.forStore(storeId).persist(key);
    }
}
