package io.caravan.platform.events.application;

import io.caravan.platform.events.domain.DuplicateEventException;
import io.caravan.platform.events.domain.EventDelivery;
import io.caravan.platform.events.domain.EventSequenceException;
import io.caravan.platform.events.domain.OrderEventHeader;
import io.caravan.platform.events.domain.RecordedOrderEvent;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.sdk.events.OrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The outbox's entrance: the store runtime appends an order's events here, inside the transaction
 * that changes the order, so the change and its events commit together or not at all
 * ({@code MANDATORY}: without the caller's transaction there is nothing to join, and that is a
 * programming error). In that same transaction each event is fanned out to one delivery per
 * enabled installation of the store that listens to its type; the delivery worker takes it from
 * there once the transaction has committed.
 */
@ApplicationScoped
public class EventOutbox {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    OrderEventListeners listeners;

    @Inject
    DeliveryWorker worker;

    @Inject
    Clock clock;

    /**
     * Records one event of an order and its deliveries, in the caller's transaction.
     *
     * @return the deliveries made (one per subscribed installation; none is fine)
     * @throws EventSequenceException  when the event's sequence is not the order's last plus one
     * @throws DuplicateEventException when the event id is already recorded
     * @throws NotFoundException       when the store does not exist
     * @throws IllegalArgumentException when the event cannot be stored as JSON that reads back whole
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventDelivery> append(String storeId, OrderEvent event) {
        OrderEventHeader header = OrderEventJson.header(event);
        String payload = OrderEventJson.write(event);
        EntityManager em = persistence.forStore(storeId);
        Store store = persistence.platform().find(Store.class, storeId);
        if (store == null) {
            throw new NotFoundException("No store " + storeId);
        }
        RecordedOrderEvent existing = em.find(RecordedOrderEvent.class, header.eventId());
        if (existing != null) {
            throw new DuplicateEventException(existing.id(), existing.orderId(), existing.sequence());
        }
        Long last = em.createQuery(
                        "select max(e.sequence) from RecordedOrderEvent e where e.orderId = :order", Long.class)
                .setParameter("order", header.orderId())
                .getSingleResult();
        long expected = (last == null ? 0 : last) + 1;
        if (header.sequence() != expected) {
            throw new EventSequenceException(header.orderId(), expected, header.sequence(), header.eventId());
        }
        Instant now = clock.instant();
        RecordedOrderEvent recorded = new RecordedOrderEvent(header, payload, now);
        em.persist(recorded);
        // the deliveries reference the event and JPA knows no relation between them: write the
        // event first (this also surfaces a concurrent writer of the same sequence here, not at commit)
        em.flush();
        List<EventDelivery> deliveries =
                listeners.subscribers(new StoreRef(storeId, store.slug().value()), header.type()).stream()
                        .map(s -> new EventDelivery(recorded, s.installationId(), s.pluginId(), now))
                        .toList();
        deliveries.forEach(em::persist);
        if (!deliveries.isEmpty()) {
            worker.wakeAfterCommit();
        }
        return deliveries;
    }
}
