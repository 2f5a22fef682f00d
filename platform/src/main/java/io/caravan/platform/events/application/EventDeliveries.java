package io.caravan.platform.events.application;

import io.caravan.platform.events.domain.DeliveryQueue;
import io.caravan.platform.events.domain.DeliveryStatus;
import io.caravan.platform.events.domain.EventDelivery;
import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.marketplace.application.Listings;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What people see of the outbox: a store's deliveries for its merchant (filtered, paged), the
 * merchant's retry of a dead one, and a plugin's deliveries across stores for its developer —
 * with each store's slug and the delivery's state, never the order.
 *
 * <p>Only the merchant retries: the store's order data is the merchant's, and sending it to a
 * plugin again is the merchant's decision. A developer sees what failed and can ask the merchant.
 */
@ApplicationScoped
public class EventDeliveries {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    DeliveryQueue queue;

    @Inject
    Listings listings;

    @Inject
    AuditLog audit;

    @Inject
    DeliveryWorker worker;

    @Inject
    Clock clock;

    /** A store's deliveries, newest first; {@code status} and {@code orderId} null for all. */
    @Transactional
    public Page<EventDelivery> forStore(String storeId, DeliveryStatus status, String orderId, PageRequest page) {
        EntityManager em = persistence.forStore(storeId);
        String where = " where 1 = 1" + (status == null ? "" : " and d.status = :status")
                + (orderId == null ? "" : " and d.orderId = :order");
        TypedQuery<EventDelivery> items = em.createQuery(
                "select d from EventDelivery d" + where + " order by d.enqueuedAt desc, d.sequence desc, d.id",
                EventDelivery.class);
        TypedQuery<Long> count = em.createQuery("select count(d) from EventDelivery d" + where, Long.class);
        if (status != null) {
            items.setParameter("status", status);
            count.setParameter("status", status);
        }
        if (orderId != null) {
            items.setParameter("order", orderId);
            count.setParameter("order", orderId);
        }
        List<EventDelivery> found =
                items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(found, page.page(), page.size(), count.getSingleResult());
    }

    /**
     * The merchant sends a dead delivery again: due now, attempts counted afresh; audited.
     *
     * @throws NotFoundException when the store has no such delivery
     * @throws io.caravan.platform.events.domain.DeliveryNotRetryableException when it is not dead
     */
    @Transactional
    public EventDelivery retry(String storeId, String deliveryId, Actor actor) {
        EntityManager em = persistence.forStore(storeId);
        EventDelivery delivery = deliveryId == null ? null : em.find(EventDelivery.class, deliveryId);
        if (delivery == null) {
            throw new NotFoundException("No event delivery " + deliveryId + " in this store");
        }
        Instant now = clock.instant();
        String lastError = delivery.lastError();
        delivery.retry(now);
        audit.record(
                storeId,
                new AuditEntry(
                        actor,
                        "event.delivery-retried",
                        delivery.pluginId(),
                        "delivery " + delivery.id() + " of " + delivery.eventType() + " (order " + delivery.orderId()
                                + ", sequence " + delivery.sequence() + ") sent again; it had died with: "
                                + lastError,
                        now));
        worker.wakeAfterCommit();
        return delivery;
    }

    /**
     * The deliveries to every store's installation of the developer's own listing, newest first.
     *
     * @throws NotFoundException when the listing is not the developer's
     */
    public Page<DeliveryQueue.PluginDelivery> forDeveloper(
            CaravanUser developer, String slug, DeliveryStatus status, PageRequest page) {
        listings.get(developer, slug);
        return queue.ofPlugin(slug, status, page);
    }
}
