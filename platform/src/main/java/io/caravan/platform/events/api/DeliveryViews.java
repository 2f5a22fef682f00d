package io.caravan.platform.events.api;

import io.caravan.platform.events.domain.DeliveryQueue;
import io.caravan.platform.events.domain.EventDelivery;
import io.caravan.platform.shared.domain.Page;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** What the outbox's endpoints answer. */
public final class DeliveryViews {
    private DeliveryViews() {}

    /**
     * One delivery of a store's event, for its merchant.
     *
     * @param id            the delivery; also the {@code eventId} the listener received (the dedup key)
     * @param eventId       the platform's id of the event (one event, one delivery per listener)
     * @param lastError     why the last attempt failed, or why the listener skipped it; null if none
     * @param nextAttemptAt when a pending delivery is tried next
     * @param completedAt   when it was delivered, skipped or died; null while pending
     */
    public record StoreDeliveryView(
            String id,
            String eventId,
            String orderId,
            long sequence,
            String eventType,
            String pluginId,
            String installationId,
            String status,
            int attempts,
            String lastError,
            Instant enqueuedAt,
            Instant nextAttemptAt,
            Instant completedAt) {
        static StoreDeliveryView of(EventDelivery d) {
            return new StoreDeliveryView(
                    d.id(),
                    d.eventId(),
                    d.orderId(),
                    d.sequence(),
                    d.eventType(),
                    d.pluginId(),
                    d.installationId(),
                    d.status().name(),
                    d.attempts(),
                    d.lastError(),
                    d.enqueuedAt(),
                    d.status().isFinal() ? null : d.nextAttemptAt(),
                    d.completedAt());
        }
    }

    /**
     * One delivery to an installation of the developer's plugin: the store's slug and the
     * delivery's state, no order content and no personal data.
     *
     * @param id the delivery; the {@code eventId} the plugin's listener received
     */
    public record DeveloperDeliveryView(
            String id,
            String store,
            String eventType,
            long sequence,
            String status,
            int attempts,
            String lastError,
            Instant enqueuedAt,
            Instant nextAttemptAt,
            Instant completedAt) {
        static DeveloperDeliveryView of(DeliveryQueue.PluginDelivery d) {
            return new DeveloperDeliveryView(
                    d.deliveryId(),
                    d.storeSlug(),
                    d.eventType(),
                    d.sequence(),
                    d.status().name(),
                    d.attempts(),
                    d.lastError(),
                    d.enqueuedAt(),
                    d.status().isFinal() ? null : d.nextAttemptAt(),
                    d.completedAt());
        }
    }

    /** A page of results; {@code total} counts every match. */
    public record PageView<T>(List<T> items, int page, int size, long total) {
        static <S, T> PageView<T> of(Page<S> page, Function<S, T> mapper) {
            Page<T> mapped = page.map(mapper);
            return new PageView<>(mapped.items(), mapped.page(), mapped.size(), mapped.total());
        }
    }
}
