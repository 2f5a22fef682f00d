package io.caravan.platform.tenancy.domain;

import java.util.List;
import java.util.Optional;

/** API keys of one store; every method is scoped to the store it is given. */
public interface StoreApiKeyRepository {
    Optional<StoreApiKey> findByHash(String storeId, String keyHash);

    Optional<StoreApiKey> findById(String storeId, String keyId);

    List<StoreApiKey> list(String storeId);

    void add(String storeId, StoreApiKey key);
}
