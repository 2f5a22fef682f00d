package io.caravan.platform.tenancy.domain;

import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import java.util.Optional;

/** Stores (platform-owned rows). */
public interface StoreRepository {
    Optional<Store> findBySlug(StoreSlug slug);

    /** Adds a new store and binds the current transaction to it. */
    void add(Store store);

    /** Stores matching an optional status and an optional text (in slug, name or owner e-mail), by slug. */
    Page<Store> search(StoreStatus status, String text, PageRequest page);
}
