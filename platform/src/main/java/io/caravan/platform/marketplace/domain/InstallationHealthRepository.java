package io.caravan.platform.marketplace.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Health rows, always read and written bound to their store; {@link #due} alone looks across stores. */
public interface InstallationHealthRepository {
    /** An installation due for a check, named across stores. */
    record Due(String storeId, String storeSlug, String installationId) {}

    /**
     * Enabled installations of active stores, unchanged since {@code changedBefore}, whose check is
     * due at {@code now} and not leased, oldest first: at most {@code max}. Ids only; the claim
     * happens bound to the store.
     */
    List<Due> due(Instant now, Instant changedBefore, int max);

    Optional<InstallationHealth> find(String storeId, String installationId);

    List<InstallationHealth> list(String storeId);

    void add(String storeId, InstallationHealth health);
}
