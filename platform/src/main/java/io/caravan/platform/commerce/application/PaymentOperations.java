package io.caravan.platform.commerce.application;

import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.platform.commerce.domain.Payment;
import io.caravan.platform.commerce.domain.PaymentAmounts;
import io.caravan.platform.commerce.domain.PaymentOperation;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginFailedException;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginOutcome;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.PluginRefusalException;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.money.Money;
import io.caravan.sdk.payments.CaptureRequest;
import io.caravan.sdk.payments.PaymentOperationResult;
import io.caravan.sdk.payments.RefundRequest;
import io.caravan.sdk.payments.VoidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

/**
 * Capture, void and refund of a payment at the provider that took it. Each operation is recorded
 * (REQUESTED, its id the provider's idempotency key, the amount reserved as pending) in its own
 * transaction before the call, then settled with the answer; an UNKNOWN answer stays pending for
 * the provider's notification or the merchant, never retried blindly under a new key.
 */
@ApplicationScoped
public class PaymentOperations {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    PluginHost host;

    @Inject
    OrderEvents events;

    @Inject
    OrderWrites writes;

    @Inject
    Clock clock;

    @Inject
    PaymentOperations self;

    /** What an operation came to. */
    public record Result(String operationId, String kind, long amount, String status, String reason) {}

    /** Captures what an authorisation holds, right after it (store setting AT_ONCE). */
    public Result captureAfterAuthorization(StoreRef store, String paymentId) {
        // the placing request and the provider's notification may both get here first: the one that
        // comes second finds nothing left to capture, which is not a failure
        Prepared prepared = self.prepareAutomaticCapture(store.id(), paymentId);
        if (prepared == null) {
            return null;
        }
        return self.settle(store.id(), prepared, call(store, prepared, null), "caravan");
    }

    /** Records the automatic capture of all that is capturable; null when nothing is (already captured). */
    @Transactional
    public Prepared prepareAutomaticCapture(String storeId, String paymentId) {
        EntityManager em = persistence.forStore(storeId);
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            return null;
        }
        // the order's lock first, then the payment's, as every other writer of a payment takes them:
        // the payment first here deadlocked with a notification applied at the same moment
        OrderWrites.lockOrder(em, payment.orderId());
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        if (payment.amounts().capturable() <= 0) {
            return null;
        }
        return prepare(storeId, paymentId, PaymentOperation.CAPTURE, null, "caravan");
    }

    /**
     * Asks the provider once more, under the same operation key, for an operation recorded
     * (REQUESTED) and never answered: the node that recorded it died before or during the call. The
     * key makes the repeat safe — a provider that did it answers what it did, one that never saw it
     * does it now — and the answer is recorded as the first call's would have been, unless a
     * provider notification settled the operation meanwhile. Null when it is no longer REQUESTED.
     */
    public Result askAgain(StoreRef store, String operationId) {
        Prepared prepared = self.preparedAgain(store.id(), operationId);
        if (prepared == null) {
            return null;
        }
        return self.settle(
                store.id(),
                prepared,
                call(store, prepared, "asked again: the first request stopped without an answer"),
                "caravan");
    }

    /** The recorded operation as it was prepared, or null when it is no longer REQUESTED. */
    @Transactional
    public Prepared preparedAgain(String storeId, String operationId) {
        EntityManager em = persistence.forStore(storeId);
        PaymentOperation operation = em.find(PaymentOperation.class, operationId);
        if (operation == null || !PaymentOperation.REQUESTED.equals(operation.status())) {
            return null;
        }
        Payment payment = em.find(Payment.class, operation.paymentId());
        return new Prepared(
                operation.id(),
                payment.id(),
                operation.kind(),
                operation.amountMinor(),
                payment.currency(),
                payment.installationId(),
                payment.providerReference(),
                payment.methodCode(),
                payment.pluginId());
    }

    /** Operations still REQUESTED that were recorded before {@code before}, oldest first (at most {@code max}). */
    @Transactional
    public java.util.List<String> unanswered(String storeId, Instant before, int max) {
        return persistence
                .forStore(storeId)
                .createQuery(
                        "select o.id from PaymentOperation o where o.status = :requested and o.createdAt < :before"
                                + " order by o.createdAt",
                        String.class)
                .setParameter("requested", PaymentOperation.REQUESTED)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    /** Captures {@code amount} (null: all that is still capturable) of an order's authorised payment. */
    public Result capture(StoreRef store, String orderId, Long amount, String actor) {
        return run(store, securedPayment(store.id(), orderId, true), PaymentOperation.CAPTURE, amount, actor, null);
    }

    /** Refunds {@code amount} (null: all that is still refundable) of an order's captured payment. */
    public Result refund(StoreRef store, String orderId, Long amount, String reason, String actor) {
        return run(store, securedPayment(store.id(), orderId, false), PaymentOperation.REFUND, amount, actor, reason);
    }

    /** Voids what is still authorised on a payment (cancel before capture). */
    public Result voidRemaining(StoreRef store, String paymentId, String reason, String actor) {
        return run(store, paymentId, PaymentOperation.VOID, null, actor, reason);
    }

    private Result run(StoreRef store, String paymentId, String kind, Long amount, String actor, String reason) {
        Prepared prepared = self.prepare(store.id(), paymentId, kind, amount, actor);
        OperationAnswer answer = call(store, prepared, reason);
        return self.settle(store.id(), prepared, answer, actor);
    }

    /** The recorded operation and what the provider needs to carry it out. */
    public record Prepared(
            String operationId,
            String paymentId,
            String kind,
            long amount,
            String currency,
            String installationId,
            String providerReference,
            String methodCode,
            String pluginId) {}

    public record OperationAnswer(String status, String reference, long amount, String reason) {}

    @Transactional
    public Prepared prepare(String storeId, String paymentId, String kind, Long requested, String actor) {
        EntityManager em = persistence.forStore(storeId);
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            throw new NotFoundException("No payment " + paymentId);
        }
        StoreOrder order = OrderWrites.lockOrder(em, payment.orderId());
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        PaymentAmounts amounts = payment.amounts();
        long amount;
        PaymentAmounts pending;
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        switch (kind) {
            case PaymentOperation.CAPTURE -> {
                amount = requested == null ? amounts.capturable() : requested;
                if (amount <= 0 || amount > amounts.capturable()) {
                    errors.add("amount", "must be from 1 to " + amounts.capturable() + " (still capturable)");
                    errors.throwIfAny();
                }
                pending = amounts.pendingCapture(amount);
            }
            case PaymentOperation.REFUND -> {
                amount = requested == null ? amounts.refundable() : requested;
                if (amount <= 0 || amount > amounts.refundable()) {
                    errors.add("amount", "must be from 1 to " + amounts.refundable() + " (still refundable)");
                    errors.throwIfAny();
                }
                pending = amounts.pendingRefund(amount);
            }
            case PaymentOperation.VOID -> {
                amount = amounts.authorized() - amounts.capturePending();
                if (amount <= 0) {
                    throw new StateConflictException("Payment " + paymentId + " holds no authorisation to void");
                }
                pending = amounts;
            }
            default -> throw new IllegalArgumentException(kind);
        }
        Instant now = clock.instant();
        payment.setAmounts(pending, now);
        PaymentOperation operation = new PaymentOperation(
                "op_" + UUID.randomUUID().toString().replace("-", ""), paymentId, kind, amount, actor, now);
        em.persist(operation);
        events.history(
                em,
                order,
                kind + "_REQUESTED",
                kind.toLowerCase(Locale.ROOT) + " of " + amount + " " + payment.currency() + " asked of "
                        + payment.pluginId() + " (key " + operation.id() + ")",
                actor,
                now);
        return new Prepared(
                operation.id(),
                paymentId,
                kind,
                amount,
                payment.currency(),
                payment.installationId(),
                payment.providerReference(),
                payment.methodCode(),
                payment.pluginId());
    }

    private OperationAnswer call(StoreRef store, Prepared p, String reason) {
        InstalledPlugin provider = provider(store, p);
        if (provider == null) {
            return new OperationAnswer(
                    "FAILED",
                    null,
                    0,
                    "the payments plugin that took this payment is not"
                            + " installed or enabled in the store any more");
        }
        Money amount = new Money(p.amount(), Currency.getInstance(p.currency()));
        try {
            PluginOutcome<PaymentOperationResult> outcome = switch (p.kind()) {
                case PaymentOperation.CAPTURE ->
                    host.call(
                            provider,
                            PluginPoint.PAYMENT_CAPTURER,
                            (c, ctx) -> c.capture(
                                    ctx, new CaptureRequest(p.operationId(), p.providerReference(), amount, true)),
                            null,
                            Locale.ROOT);
                case PaymentOperation.REFUND ->
                    host.call(
                            provider,
                            PluginPoint.PAYMENT_REFUNDER,
                            (r, ctx) -> r.refund(
                                    ctx, new RefundRequest(p.operationId(), p.providerReference(), amount, reason)),
                            null,
                            Locale.ROOT);
                default ->
                    host.call(
                            provider,
                            PluginPoint.PAYMENT_VOIDER,
                            (v, ctx) -> v.voidAuthorization(
                                    ctx, new VoidRequest(p.operationId(), p.providerReference(), amount, reason)),
                            null,
                            Locale.ROOT);
            };
            if (!outcome.answered()) {
                return new OperationAnswer("UNKNOWN", null, 0, outcome.failure().describe());
            }
            PaymentOperationResult r = outcome.value();
            if (r.amount() != null
                    && (!r.amount().currency().equals(amount.currency())
                            || r.amount().minorUnits() > p.amount())) {
                return new OperationAnswer(
                        "UNKNOWN",
                        r.operationReference(),
                        0,
                        "the provider answered " + r.amount() + " for " + amount + ": held for review");
            }
            return new OperationAnswer(
                    r.status().name(),
                    r.operationReference(),
                    r.amount() == null ? p.amount() : r.amount().minorUnits(),
                    r.failureReason());
        } catch (PluginFailedException e) {
            return new OperationAnswer("UNKNOWN", null, 0, e.failure().describe());
        } catch (PluginRefusalException e) {
            return new OperationAnswer("FAILED", null, 0, e.getMessage());
        }
    }

    private InstalledPlugin provider(StoreRef ref, Prepared p) {
        PluginPoint<?> point = switch (p.kind()) {
            case PaymentOperation.CAPTURE -> PluginPoint.PAYMENT_CAPTURER;
            case PaymentOperation.REFUND -> PluginPoint.PAYMENT_REFUNDER;
            default -> PluginPoint.PAYMENT_VOIDER;
        };
        return host.providers(ref, point, RoutingFacts.NONE).stream()
                .filter(i -> i.installationId().value().equals(p.installationId()))
                .findFirst()
                .orElse(null);
    }

    @Transactional
    public Result settle(String storeId, Prepared p, OperationAnswer answer, String actor) {
        EntityManager em = persistence.forStore(storeId);
        Payment payment = em.find(Payment.class, p.paymentId());
        StoreOrder order = OrderWrites.lockOrder(em, payment.orderId());
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        PaymentOperation operation = em.find(PaymentOperation.class, p.operationId());
        Instant now = clock.instant();
        if (!PaymentOperation.REQUESTED.equals(operation.status())) {
            // a notification settled it first: nothing more to do
            return new Result(
                    operation.id(),
                    operation.kind(),
                    operation.amountMinor(),
                    operation.status(),
                    operation.failureReason());
        }
        operation.answered(answer.status(), answer.reference(), answer.reason(), now);
        PaymentAmounts amounts = payment.amounts();
        String currency = payment.currency();
        switch (answer.status()) {
            case "SUCCEEDED" -> {
                if (answer.reference() != null
                        && em.createQuery(
                                                "select count(u) from AppliedPaymentUpdate u where u.paymentId = :payment"
                                                        + " and u.type = :type and u.operationReference = :reference"
                                                        + " and u.amountMinor = :amount",
                                                Long.class)
                                        .setParameter("payment", payment.id())
                                        .setParameter("type", updateType(p.kind()))
                                        .setParameter("reference", answer.reference())
                                        .setParameter("amount", answer.amount())
                                        .getSingleResult()
                                == 0) {
                    // a later notification of the same operation finds this row and changes nothing
                    em.persist(new io.caravan.platform.commerce.domain.AppliedPaymentUpdate(
                            UUID.randomUUID().toString(),
                            payment.id(),
                            updateType(p.kind()),
                            answer.reference(),
                            answer.amount(),
                            "answer",
                            true,
                            null,
                            now));
                }
                switch (p.kind()) {
                    case PaymentOperation.CAPTURE -> {
                        payment.setAmounts(
                                amounts.dropPendingCapture(p.amount()).capture(answer.amount()), now);
                        events.emit(
                                em,
                                storeId,
                                order,
                                OrderEventType.PAYMENT_CAPTURED,
                                answer.amount() + " " + currency + " captured by " + p.pluginId(),
                                actor,
                                OrderEvents.payment(p.methodCode(), answer.amount(), currency, p.pluginId()),
                                null,
                                now);
                    }
                    case PaymentOperation.REFUND -> {
                        payment.setAmounts(amounts.dropPendingRefund(p.amount()).refund(answer.amount()), now);
                        events.emit(
                                em,
                                storeId,
                                order,
                                OrderEventType.PAYMENT_REFUNDED,
                                answer.amount() + " " + currency + " refunded by " + p.pluginId(),
                                actor,
                                OrderEvents.payment(p.methodCode(), answer.amount(), currency, p.pluginId()),
                                null,
                                now);
                    }
                    default -> {
                        long voided = amounts.authorized() - amounts.capturePending();
                        if (voided <= 0) {
                            // the provider's notification of this void was applied first (it released
                            // the authorisation without answering the operation): nothing left to release
                            break;
                        }
                        payment.setAmounts(amounts.voidRemaining(), now);
                        payment.settle(AttemptOutcome.AUTHORIZED, null, payment.expiresAt(), now);
                        events.emit(
                                em,
                                storeId,
                                order,
                                OrderEventType.PAYMENT_VOIDED,
                                voided + " " + currency + " released by " + p.pluginId(),
                                actor,
                                OrderEvents.payment(p.methodCode(), voided, currency, p.pluginId()),
                                null,
                                now);
                    }
                }
            }
            case "FAILED" -> {
                if (p.kind().equals(PaymentOperation.CAPTURE)) {
                    payment.setAmounts(amounts.dropPendingCapture(p.amount()), now);
                } else if (p.kind().equals(PaymentOperation.REFUND)) {
                    payment.setAmounts(amounts.dropPendingRefund(p.amount()), now);
                }
                events.history(
                        em,
                        order,
                        p.kind() + "_FAILED",
                        p.kind().toLowerCase(Locale.ROOT) + " of " + p.amount() + " " + currency + " failed at "
                                + p.pluginId() + ": " + answer.reason(),
                        actor,
                        now);
            }
            default ->
                events.history(
                        em,
                        order,
                        p.kind() + "_" + answer.status(),
                        p.kind().toLowerCase(Locale.ROOT) + " of " + p.amount() + " " + currency + " at " + p.pluginId()
                                + " is " + answer.status() + " (" + answer.reason()
                                + "): the amount stays pending until the provider's notification settles it",
                        actor,
                        now);
        }
        writes.settle(em, storeId, order, now);
        return new Result(
                operation.id(),
                operation.kind(),
                operation.amountMinor(),
                operation.status(),
                operation.failureReason());
    }

    private static String updateType(String kind) {
        return switch (kind) {
            case PaymentOperation.CAPTURE -> "CAPTURED";
            case PaymentOperation.REFUND -> "REFUNDED";
            default -> "VOIDED";
        };
    }

    private String securedPayment(String storeId, String orderId, boolean forCapture) {
        OrderQueries.OrderDetail detail = self.detail(storeId, orderId);
        for (Payment p : detail.payments()) {
            if (forCapture ? p.amounts().capturable() > 0 : p.amounts().refundable() > 0) {
                return p.id();
            }
        }
        throw new StateConflictException("Order " + orderId + " has no payment "
                + (forCapture ? "with an authorisation left to capture" : "with captured money left to refund"));
    }

    @Inject
    OrderQueries queries;

    @Transactional
    public OrderQueries.OrderDetail detail(String storeId, String orderId) {
        return queries.detail(storeId, orderId);
    }
}
