package io.caravan.platform.events.domain;

import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The outbox's questions that SQL answers better than JPQL: due work across stores, claiming rows
 * with {@code FOR UPDATE SKIP LOCKED}, and a plugin's deliveries across stores for its developer.
 * The cross-store questions answer identifiers and delivery state only, never order content
 * (on PostgreSQL through the owner's two security-definer functions, V14_1).
 */
public interface DeliveryQueue {
    /** A delivery that may be claimed now, and its store by both names. */
    record Due(String storeId, String storeSlug, String deliveryId) {}

    /**
     * Up to {@code max} deliveries that are pending, due at {@code now}, not leased (or their lease
     * passed), and have no earlier event of the same order pending for the same installation;
     * oldest due first. Needs no transaction and binds no store.
     */
    List<Due> due(Instant now, int max);

    /**
     * In the current transaction, which must be bound to {@code storeId}: locks those of
     * {@code deliveryIds} that are still claimable as {@link #due} describes, skipping rows another
     * transaction holds, and answers their ids. The locks last until the transaction ends.
     */
    List<String> lockClaimable(String storeId, Collection<String> deliveryIds, Instant now);

    /** One delivery to an installation of a plugin, as the plugin's developer sees it. */
    record PluginDelivery(
            String deliveryId,
            String eventId,
            String storeSlug,
            String eventType,
            long sequence,
            DeliveryStatus status,
            int attempts,
            String lastError,
            Instant enqueuedAt,
            Instant nextAttemptAt,
            Instant completedAt) {}

    /** The deliveries to every store's installation of {@code pluginId}, newest first; status null for all. */
    Page<PluginDelivery> ofPlugin(String pluginId, DeliveryStatus status, PageRequest page);
}
