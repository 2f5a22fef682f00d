package io.caravan.platform.commerce.application;

import io.caravan.platform.catalog.application.StockReservations;
import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.platform.commerce.domain.Payment;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.sdk.events.CancelledBy;
import io.caravan.sdk.model.OrderEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the merchant does to an order: confirm or refuse a cash-on-delivery order before dispatch,
 * cancel (authorisations voided and captured money refunded at the provider that took it, stock
 * released), capture and refund. Every action is audited in the store's trail and the order's
 * history.
 */
@ApplicationScoped
public class OrderActions {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    OrderWrites writes;

    @Inject
    OrderEvents events;

    @Inject
    PaymentOperations operations;

    @Inject
    StockReservations reservations;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    OrderActions self;

    /** The shopper confirmed the cash-on-delivery order (phone, message): it may go to the warehouse. */
    @Transactional
    public StoreOrder confirm(StoreContext store, String orderId) {
        EntityManager em = persistence.forStore(store.storeId());
        StoreOrder order = OrderWrites.lockOrder(em, orderId);
        if (!order.cod() || order.confirmation() != StoreOrder.Confirmation.PENDING) {
            throw new StateConflictException(
                    "Order " + orderId + " does not wait for a confirmation (it is " + order.confirmation() + ")");
        }
        if (order.status() == StoreOrder.Lifecycle.CANCELLED) {
            throw new StateConflictException("Order " + orderId + " is cancelled");
        }
        Instant now = clock.instant();
        order.confirm(now);
        events.emit(
                em,
                order,
                OrderEventType.CONFIRMED,
                "cash on delivery confirmed with the shopper",
                actor(store),
                null,
                null,
                now);
        writes.settle(em, store.storeId(), order, now);
        audit(store, "order.confirmed", orderId, "cash on delivery confirmed");
        return order;
    }

    /** Cancels an order not yet shipped; the money goes back where it came from. */
    public StoreOrder cancel(StoreContext store, String orderId, String reason) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            errors.add("reason", "is required, at most 300 characters");
        }
        errors.throwIfAny();
        List<Payment> payments = self.cancellable(store.storeId(), orderId);
        for (Payment p : payments) {
            if (p.amounts().capturable() > 0) {
                operations.voidRemaining(store.ref(), p.id(), reason, actor(store));
            }
        }
        for (Payment p : self.cancellable(store.storeId(), orderId)) {
            if (p.amounts().refundable() > 0) {
                operations.refund(store.ref(), orderId, p.amounts().refundable(), reason, actor(store));
            }
        }
        return self.markCancelled(store, orderId, reason);
    }

    /** The payments of an order that may be cancelled; refuses one that is shipped or has an unresolved payment. */
    @Transactional
    public List<Payment> cancellable(String storeId, String orderId) {
        EntityManager em = persistence.forStore(storeId);
        StoreOrder order = OrderWrites.lockOrder(em, orderId);
        if (order.status() == StoreOrder.Lifecycle.CANCELLED) {
            throw new StateConflictException("Order " + orderId + " is already cancelled");
        }
        if (order.fulfilmentStatus() != StoreOrder.FulfilmentFacet.UNFULFILLED
                && order.fulfilmentStatus() != StoreOrder.FulfilmentFacet.AWAITING_CONFIRMATION
                && order.fulfilmentStatus() != StoreOrder.FulfilmentFacet.RELEASED) {
            throw new StateConflictException("Order " + orderId + " is " + order.fulfilmentStatus()
                    + ": cancel what has not shipped through a return");
        }
        List<Payment> payments = OrderWrites.payments(em, orderId);
        for (Payment p : payments) {
            if (p.outcome() == AttemptOutcome.UNKNOWN || p.outcome() == AttemptOutcome.REQUESTED) {
                throw new StateConflictException("Payment attempt " + p.attemptNumber() + " of order " + orderId
                        + " is still being confirmed with " + p.pluginId() + "; cancel once it is resolved");
            }
            if (p.amounts().capturePending() > 0 || p.amounts().refundPending() > 0) {
                throw new StateConflictException("A capture or refund of order " + orderId
                        + " is still pending at the provider; cancel once it settles");
            }
        }
        return payments;
    }

    @Transactional
    public StoreOrder markCancelled(StoreContext store, String orderId, String reason) {
        EntityManager em = persistence.forStore(store.storeId());
        StoreOrder order = OrderWrites.lockOrder(em, orderId);
        Instant now = clock.instant();
        for (Payment p : OrderWrites.payments(em, orderId)) {
            if (p.outcome() == AttemptOutcome.ACTION_REQUIRED || p.outcome() == AttemptOutcome.PENDING) {
                p.setAmounts(p.amounts().dropPendingAuthorization(), now);
                p.decline(AttemptOutcome.CANCELLED, null, "cancelled", "the order was cancelled: " + reason);
            }
        }
        if (order.cod() && order.confirmation() == StoreOrder.Confirmation.PENDING) {
            order.refuseConfirmation(now);
        }
        order.cancel(reason, now);
        reservations.release(store.storeId(), orderId);
        writes.settle(em, store.storeId(), order, now);
        events.emit(
                em,
                order,
                OrderEventType.CANCELLED,
                "cancelled by the merchant: " + reason,
                actor(store),
                null,
                OrderEvents.cancellation(reason, CancelledBy.MERCHANT),
                now);
        audit(store, "order.cancelled", orderId, reason);
        return order;
    }

    public PaymentOperations.Result capture(StoreContext store, String orderId, Long amount) {
        PaymentOperations.Result result = operations.capture(store.ref(), orderId, amount, actor(store));
        self.audited(store, "order.captured", orderId, result.amount() + " " + result.status());
        return result;
    }

    public PaymentOperations.Result refund(StoreContext store, String orderId, Long amount, String reason) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            errors.add("reason", "is required, at most 300 characters");
        }
        if (amount != null && amount <= 0) {
            errors.add("amount", "must be positive (minor units), or left out to refund all that is refundable");
        }
        errors.throwIfAny();
        PaymentOperations.Result result = operations.refund(store.ref(), orderId, amount, reason, actor(store));
        self.audited(store, "order.refunded", orderId, result.amount() + " " + result.status() + ": " + reason);
        return result;
    }

    @Transactional
    public void audited(StoreContext store, String action, String orderId, String detail) {
        audit(store, action, orderId, detail);
    }

    private void audit(StoreContext store, String action, String orderId, String detail) {
        audit.record(store.storeId(), new AuditEntry(store.actor(), action, orderId, detail, clock.instant()));
    }

    static String actor(StoreContext store) {
        return store.actor().kind().name().toLowerCase(Locale.ROOT) + ":"
                + store.actor().name();
    }
}
