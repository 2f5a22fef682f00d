package io.caravan.platform.tenancy.domain;

import java.util.List;
import java.util.Optional;

/** Memberships of one store; every method is scoped to the store it is given. */
public interface StoreMembershipRepository {
    Optional<StoreMembership> findByUser(String storeId, String userId);

    Optional<StoreMembership> findById(String storeId, String membershipId);

    List<StoreMembership> list(String storeId);

    void add(String storeId, StoreMembership membership);

    void remove(String storeId, StoreMembership membership);
}
