package io.caravan.platform.commerce.application;

import io.caravan.platform.commerce.domain.AppliedPaymentUpdate;
import io.caravan.platform.commerce.domain.OrderHistoryEntry;
import io.caravan.platform.commerce.domain.Payment;
import io.caravan.platform.commerce.domain.PaymentOperation;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The merchant's reads of orders: filtered pages, and one order with its payments and history. */
@ApplicationScoped
public class OrderQueries {
    @Inject
    StoreScopedPersistence persistence;

    /** The filters of the order list; null fields do not filter. */
    public record Filter(
            StoreOrder.Lifecycle status,
            StoreOrder.PaymentFacet paymentStatus,
            StoreOrder.FulfilmentFacet fulfilmentStatus,
            String email,
            Instant placedFrom,
            Instant placedTo,
            Boolean awaitingConfirmation) {}

    /** One order and everything recorded about it. */
    public record OrderDetail(
            StoreOrder order,
            CheckoutQuote snapshot,
            List<Payment> payments,
            List<PaymentOperation> operations,
            List<AppliedPaymentUpdate> updates,
            List<OrderHistoryEntry> history) {}

    @Transactional
    public Page<StoreOrder> list(String storeId, Filter filter, PageRequest page) {
        EntityManager em = persistence.forStore(storeId);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.append(" and o.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.paymentStatus() != null) {
            where.append(" and o.paymentStatus = :payment");
            parameters.put("payment", filter.paymentStatus());
        }
        if (filter.fulfilmentStatus() != null) {
            where.append(" and o.fulfilmentStatus = :fulfilment");
            parameters.put("fulfilment", filter.fulfilmentStatus());
        }
        if (filter.email() != null) {
            where.append(" and lower(o.shopperEmail) = :email");
            parameters.put("email", filter.email().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.placedFrom() != null) {
            where.append(" and o.placedAt >= :from");
            parameters.put("from", filter.placedFrom());
        }
        if (filter.placedTo() != null) {
            where.append(" and o.placedAt < :to");
            parameters.put("to", filter.placedTo());
        }
        if (Boolean.TRUE.equals(filter.awaitingConfirmation())) {
            where.append(" and o.confirmation = :pending");
            parameters.put("pending", StoreOrder.Confirmation.PENDING);
        }
        TypedQuery<StoreOrder> items = em.createQuery(
                "select o from StoreOrder o" + where + " order by o.placedAt desc, o.number desc", StoreOrder.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from StoreOrder o" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<StoreOrder> found =
                items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(new ArrayList<>(found), page.page(), page.size(), count.getSingleResult());
    }

    @Transactional
    public OrderDetail detail(String storeId, String orderId) {
        EntityManager em = persistence.forStore(storeId);
        StoreOrder order = em.find(StoreOrder.class, orderId);
        if (order == null) {
            throw new NotFoundException("No order " + orderId + " in this store");
        }
        List<Payment> payments = em.createQuery(
                        "select p from Payment p where p.orderId = :order order by p.attemptNumber", Payment.class)
                .setParameter("order", orderId)
                .getResultList();
        List<String> paymentIds = payments.stream().map(Payment::id).toList();
        List<PaymentOperation> operations = paymentIds.isEmpty()
                ? List.of()
                : em.createQuery(
                                "select o from PaymentOperation o where o.paymentId in :payments order by o.createdAt",
                                PaymentOperation.class)
                        .setParameter("payments", paymentIds)
                        .getResultList();
        List<AppliedPaymentUpdate> updates = paymentIds.isEmpty()
                ? List.of()
                : em.createQuery(
                                "select u from AppliedPaymentUpdate u where u.paymentId in :payments"
                                        + " order by u.receivedAt",
                                AppliedPaymentUpdate.class)
                        .setParameter("payments", paymentIds)
                        .getResultList();
        List<OrderHistoryEntry> history = em.createQuery(
                        "select h from OrderHistoryEntry h where h.orderId = :order order by h.sequence",
                        OrderHistoryEntry.class)
                .setParameter("order", orderId)
                .getResultList();
        return new OrderDetail(
                order,
                CommerceJson.read(order.snapshot(), CheckoutQuote.class),
                payments,
                operations,
                updates,
                history);
    }
}
