package io.caravan.platform.commerce.application;

import io.caravan.platform.catalog.application.StockReservations;
import io.caravan.platform.catalog.domain.AllocationLine;
import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.platform.commerce.domain.Checkout;
import io.caravan.platform.commerce.domain.CommerceSettings;
import io.caravan.platform.commerce.domain.Payment;
import io.caravan.platform.commerce.domain.PaymentAmounts;
import io.caravan.platform.commerce.domain.PaymentFacets;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.sdk.events.CancelledBy;
import io.caravan.sdk.model.OrderEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every write of an order and its payments, one transaction each, always under the order's row
 * lock (so the placing request, a provider notification and the resolver never interleave on one
 * order). The order and its events commit together (the outbox); a payment attempt is recorded
 * before its provider is called.
 */
@ApplicationScoped
public class OrderWrites {
    static final String SYSTEM = "caravan";

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    CommerceSettingsService settings;

    @Inject
    StockReservations reservations;

    @Inject
    OrderEvents events;

    @Inject
    Clock clock;

    /** How long an unpaid order holds its stock before the sweep releases it (extended by a pending payment's expiry). */
    @Inject
    @ConfigProperty(name = "caravan.commerce.unpaid-hold", defaultValue = "PT30M")
    Duration unpaidHold;

    /**
     * How long after a recorded attempt the resolver asks the provider, should the placing request
     * never record the answer (the node died mid-call): past the longest deadline.
     */
    @Inject
    @ConfigProperty(name = "caravan.commerce.resolve-after", defaultValue = "PT45S")
    Duration resolveAfter;

    /** How soon the resolver first asks a provider about an UNKNOWN outcome (a timeout, a lost answer). */
    @Inject
    @ConfigProperty(name = "caravan.commerce.unknown-retry-after", defaultValue = "PT10S")
    Duration unknownRetryAfter;

    /** What became of the provider call, as the platform records it. */
    public record AuthorizationOutcome(
            AttemptOutcome outcome,
            String providerReference,
            long amount,
            String actionJson,
            String declineCategory,
            String declineCode,
            String message,
            Instant expiresAt) {}

    /** The order and its first attempt as created. */
    public record Created(String orderId, long number, String paymentId) {}

    /** Where an order's payment stands after a write. */
    public record State(
            String orderId,
            long number,
            StoreOrder.Lifecycle status,
            StoreOrder.PaymentFacet paymentStatus,
            StoreOrder.FulfilmentFacet fulfilmentStatus,
            String paymentId,
            AttemptOutcome attempt,
            String actionJson,
            Instant expiresAt,
            String declineCategory,
            String declineCode,
            String declineMessage) {}

    /**
     * Creates the order from an accepted quote, reserves its stock and records its first payment
     * attempt — all or nothing — before any provider is called.
     *
     * @throws io.caravan.platform.catalog.domain.InsufficientStockException when the stock went meanwhile
     */
    @Transactional
    public Created create(
            String storeId,
            String checkoutId,
            CheckoutQuoting.Computed computed,
            InstalledPlugin provider,
            String actor) {
        EntityManager em = persistence.forStore(storeId);
        Instant now = clock.instant();
        Checkout checkout = em.find(Checkout.class, checkoutId, LockModeType.PESSIMISTIC_WRITE);
        if (checkout == null) {
            throw new NotFoundException("No checkout " + checkoutId + " in this store");
        }
        if (!Checkout.OPEN.equals(checkout.status())) {
            throw new StateConflictException("Checkout " + checkoutId + " is " + checkout.status()
                    + (checkout.orderId() == null ? "" : " (order " + checkout.orderId() + ")"));
        }
        CommerceSettings counter = settings.locked(storeId);
        CheckoutQuote quote = computed.quote();
        CheckoutQuote.Method method = quote.paymentMethods().stream()
                .filter(m -> m.methodCode().equals(quote.chosenMethod()))
                .findFirst()
                .orElseThrow();
        boolean cod = "CASH_ON_DELIVERY".equals(method.type());
        String orderId = "ord_" + UUID.randomUUID().toString().replace("-", "");
        StoreOrder order = new StoreOrder(
                orderId,
                counter.nextOrderNumber(),
                checkoutId,
                quote.currency(),
                quote.totals().total(),
                checkout.shopperEmail(),
                quote.destination(),
                method.methodCode(),
                cod,
                method.confirmationRequired(),
                CommerceJson.write(quote),
                OrderEvents.cartJson(computed.cart()),
                now);
        em.persist(order);
        em.flush();
        List<AllocationLine> lines = new ArrayList<>();
        for (CheckoutQuote.Consignment c : quote.consignments()) {
            for (CheckoutQuote.Item item : c.items()) {
                lines.add(new AllocationLine(c.warehouseCode(), item.sku(), item.quantity()));
            }
        }
        reservations.reserve(storeId, orderId, lines, now.plus(unpaidHold));
        checkout.complete(orderId, now);
        events.emit(
                em,
                storeId,
                order,
                OrderEventType.PLACED,
                "order " + order.number() + " placed: " + quote.totals().total() + " " + quote.currency() + " by "
                        + method.methodCode(),
                actor,
                null,
                null,
                now);
        Payment payment = attempt(em, order, 1, provider, now);
        for (CheckoutQuote.Flag flag : quote.flags()) {
            events.history(em, order, "FLAG_" + flag.code(), flag.message(), SYSTEM, now);
        }
        return new Created(orderId, order.number(), payment.id());
    }

    /** Records the next attempt at another provider (after a definite decline), before it is called. */
    @Transactional
    public String nextAttempt(String storeId, String orderId, InstalledPlugin provider) {
        EntityManager em = persistence.forStore(storeId);
        StoreOrder order = lockOrder(em, orderId);
        if (order.status() == StoreOrder.Lifecycle.CANCELLED) {
            throw new StateConflictException("Order " + orderId + " is cancelled");
        }
        int next = em.createQuery("select max(p.attemptNumber) from Payment p where p.orderId = :order", Integer.class)
                        .setParameter("order", orderId)
                        .getSingleResult()
                + 1;
        return attempt(em, order, next, provider, clock.instant()).id();
    }

    private Payment attempt(EntityManager em, StoreOrder order, int number, InstalledPlugin provider, Instant now) {
        Payment payment = new Payment(
                "pay_" + UUID.randomUUID().toString().replace("-", ""),
                order.id(),
                number,
                provider.installationId().value(),
                provider.pluginId().value(),
                provider.version(),
                order.methodCode(),
                order.currency(),
                order.totalMinor(),
                now);
        // should the answer never be recorded (the node died mid-call), the resolver asks the provider
        payment.scheduleResolution(now.plus(resolveAfter));
        em.persist(payment);
        events.history(
                em,
                order,
                "PAYMENT_ATTEMPT",
                "attempt " + number + " at " + provider.pluginId().value() + " " + provider.version() + " for "
                        + order.totalMinor() + " " + order.currency() + " (key " + payment.id() + ")",
                SYSTEM,
                now);
        return payment;
    }

    /**
     * Records what a provider answered for an attempt. An authorisation-level answer applies only
     * while the attempt is still open, so a notification and the synchronous answer of the same
     * authorisation are counted once, whichever comes first.
     */
    @Transactional
    public State applyAuthorization(String storeId, String paymentId, AuthorizationOutcome outcome, String actor) {
        EntityManager em = persistence.forStore(storeId);
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            throw new NotFoundException("No payment " + paymentId);
        }
        StoreOrder order = lockOrder(em, payment.orderId());
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!payment.outcome().open()) {
            events.history(
                    em,
                    order,
                    "PAYMENT_ANSWER_IGNORED",
                    "attempt " + payment.attemptNumber() + " is already " + payment.outcome() + "; " + outcome.outcome()
                            + " from " + actor + " changes nothing",
                    SYSTEM,
                    now);
            return state(em, order, payment);
        }
        PaymentAmounts amounts = payment.amounts();
        switch (outcome.outcome()) {
            case AUTHORIZED -> {
                payment.setAmounts(amounts.dropPendingAuthorization().authorize(outcome.amount()), now);
                payment.settle(AttemptOutcome.AUTHORIZED, outcome.providerReference(), outcome.expiresAt(), now);
                payment.setAction(null);
                payment.scheduleResolution(null);
                events.emit(
                        em,
                        storeId,
                        order,
                        OrderEventType.PAYMENT_AUTHORIZED,
                        outcome.amount() + " " + order.currency() + " authorised by " + payment.pluginId() + " (ref "
                                + outcome.providerReference() + ")",
                        actor,
                        OrderEvents.payment(
                                payment.methodCode(), outcome.amount(), order.currency(), payment.pluginId()),
                        null,
                        now);
            }
            case CAPTURED -> {
                payment.setAmounts(amounts.dropPendingAuthorization().charge(outcome.amount()), now);
                payment.settle(AttemptOutcome.CAPTURED, outcome.providerReference(), null, now);
                payment.setAction(null);
                payment.scheduleResolution(null);
                events.emit(
                        em,
                        storeId,
                        order,
                        OrderEventType.PAYMENT_CAPTURED,
                        outcome.amount() + " " + order.currency() + " taken by " + payment.pluginId() + " (ref "
                                + outcome.providerReference() + ")",
                        actor,
                        OrderEvents.payment(
                                payment.methodCode(), outcome.amount(), order.currency(), payment.pluginId()),
                        null,
                        now);
            }
            case ACTION_REQUIRED, PENDING -> {
                if (amounts.authorizePending() == 0) {
                    payment.setAmounts(amounts.pendingAuthorization(payment.amountMinor()), now);
                }
                payment.settle(outcome.outcome(), outcome.providerReference(), outcome.expiresAt(), now);
                payment.setAction(outcome.actionJson());
                // the resolver looks again at the expiry (a lapsed voucher, an abandoned redirect)
                payment.scheduleResolution(outcome.expiresAt());
                events.history(
                        em,
                        order,
                        "PAYMENT_" + outcome.outcome(),
                        "attempt " + payment.attemptNumber() + " at " + payment.pluginId() + " is " + outcome.outcome()
                                + (outcome.expiresAt() == null ? "" : " until " + outcome.expiresAt()),
                        actor,
                        now);
                if (outcome.expiresAt() != null) {
                    reservations.extend(storeId, order.id(), later(outcome.expiresAt(), now.plus(unpaidHold)));
                }
            }
            case UNKNOWN, REQUESTED -> {
                payment.settle(AttemptOutcome.UNKNOWN, outcome.providerReference(), null, now);
                payment.scheduleResolution(now.plus(unknownRetryAfter));
                events.history(
                        em,
                        order,
                        "PAYMENT_UNKNOWN",
                        "attempt " + payment.attemptNumber() + " at " + payment.pluginId()
                                + ": the outcome is unknown (" + outcome.message()
                                + "); no other provider is tried until it is resolved",
                        actor,
                        now);
            }
            case DECLINED, NOT_ATTEMPTED, EXPIRED, CANCELLED -> {
                payment.setAmounts(amounts.dropPendingAuthorization(), now);
                payment.decline(outcome.outcome(), outcome.declineCategory(), outcome.declineCode(), outcome.message());
                payment.settle(outcome.outcome(), outcome.providerReference(), null, now);
                events.history(
                        em,
                        order,
                        "PAYMENT_" + outcome.outcome(),
                        "attempt " + payment.attemptNumber() + " at " + payment.pluginId() + ": " + outcome.outcome()
                                + (outcome.declineCategory() == null ? "" : " (" + outcome.declineCategory() + ")")
                                + (outcome.message() == null ? "" : ": " + outcome.message()),
                        actor,
                        now);
            }
            default -> throw new IllegalStateException("unhandled outcome " + outcome.outcome());
        }
        settle(em, storeId, order, now);
        return state(em, order, payment);
    }

    /**
     * The order's facets follow its payments: the payment facet is re-derived; a secured order's
     * stock is held for good and the order goes to the warehouse (cash on delivery: once confirmed).
     */
    public void settle(EntityManager em, String storeId, StoreOrder order, Instant now) {
        List<Payment> payments = payments(em, order.id());
        StoreOrder.PaymentFacet facet = PaymentFacets.derive(order.totalMinor(), payments);
        if (facet != order.paymentStatus()) {
            order.paymentChanged(facet, now);
        }
        boolean secured = facet == StoreOrder.PaymentFacet.AUTHORIZED
                || facet == StoreOrder.PaymentFacet.PAID
                || facet == StoreOrder.PaymentFacet.PARTIALLY_CAPTURED;
        if (order.status() == StoreOrder.Lifecycle.CANCELLED) {
            return;
        }
        if (order.cod()) {
            // cash on delivery: the stock is held until delivery, the confirmation or a cancellation
            reservations.commit(storeId, order.id());
        }
        if (order.cod()
                && order.confirmation() == StoreOrder.Confirmation.PENDING
                && order.fulfilmentStatus() == StoreOrder.FulfilmentFacet.UNFULFILLED) {
            order.awaitConfirmation(now);
            events.history(
                    em,
                    order,
                    "AWAITING_CONFIRMATION",
                    "cash on delivery: the order waits for the shopper's confirmation before it goes to the warehouse",
                    SYSTEM,
                    now);
        } else if (secured && !order.cod()) {
            reservations.commit(storeId, order.id());
        }
        if (order.releasable()) {
            order.release(now);
            events.emit(
                    em, storeId, order, OrderEventType.RELEASED, "released to the warehouse", SYSTEM, null, null, now);
        }
    }

    /**
     * Cancels an order whose payment came to nothing (every provider declined, a pending payment
     * expired): its stock is released and the checkout opens again.
     */
    @Transactional
    public void cancelUnpaid(String storeId, String orderId, String reason) {
        EntityManager em = persistence.forStore(storeId);
        StoreOrder order = lockOrder(em, orderId);
        if (order.status() == StoreOrder.Lifecycle.CANCELLED) {
            return;
        }
        List<Payment> payments = payments(em, orderId);
        for (Payment p : payments) {
            if (p.outcome().open()
                    || p.amounts().authorized() > 0
                    || p.amounts().captured() > 0) {
                return; // money may still come, or came: the merchant decides
            }
        }
        Instant now = clock.instant();
        order.cancel(reason, now);
        reservations.release(storeId, orderId);
        Checkout checkout = em.find(Checkout.class, order.checkoutId(), LockModeType.PESSIMISTIC_WRITE);
        if (checkout != null && orderId.equals(checkout.orderId())) {
            checkout.reopen(now);
        }
        Payment last = payments.get(payments.size() - 1);
        events.emit(
                em,
                storeId,
                order,
                OrderEventType.PAYMENT_FAILED,
                reason,
                SYSTEM,
                OrderEvents.payment(last.methodCode(), last.amountMinor(), order.currency(), last.pluginId()),
                null,
                now);
        events.emit(
                em,
                storeId,
                order,
                OrderEventType.CANCELLED,
                reason,
                SYSTEM,
                null,
                OrderEvents.cancellation(reason, CancelledBy.PLATFORM),
                now);
    }

    /** One payment as it is now (detached). */
    @Transactional
    public Payment payment(String storeId, String paymentId) {
        Payment payment = persistence.forStore(storeId).find(Payment.class, paymentId);
        if (payment == null) {
            throw new NotFoundException("No payment " + paymentId + " in this store");
        }
        return payment;
    }

    /** An attempt waiting on a provider session, claimed for its completion. */
    public record SessionClaim(
            String orderId,
            String paymentId,
            String installationId,
            String providerSessionId,
            String snapshot,
            String cart) {}

    /**
     * Claims the order's latest attempt for completing its provider session: only while it is
     * ACTION_REQUIRED with a SESSION action, and only once (it becomes REQUESTED, so a concurrent
     * or repeated completion finds nothing to claim and the provider is called once).
     *
     * @return the claim, or empty when the latest attempt is not waiting on a session
     */
    @Transactional
    public Optional<SessionClaim> claimSession(String storeId, String orderId) {
        EntityManager em = persistence.forStore(storeId);
        StoreOrder order = lockOrder(em, orderId);
        List<Payment> payments = payments(em, orderId);
        Payment payment = payments.get(payments.size() - 1);
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        if (payment.outcome() != AttemptOutcome.ACTION_REQUIRED || payment.action() == null) {
            return Optional.empty();
        }
        PaymentRouter.ActionView action = CommerceJson.read(payment.action(), PaymentRouter.ActionView.class);
        if (!PaymentRouter.ActionView.SESSION.equals(action.type())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        payment.settle(AttemptOutcome.REQUESTED, payment.providerReference(), null, now);
        // should the completing request die mid-call, the resolver asks the provider by the attempt's key
        payment.scheduleResolution(now.plus(resolveAfter));
        events.history(
                em,
                order,
                "PAYMENT_SESSION_COMPLETED",
                "attempt " + payment.attemptNumber() + " at " + payment.pluginId() + ": the shopper completed session "
                        + action.sessionId(),
                SYSTEM,
                now);
        return Optional.of(new SessionClaim(
                order.id(),
                payment.id(),
                payment.installationId(),
                action.sessionId(),
                order.snapshot(),
                order.cart()));
    }

    /** The id of the latest order placed from a checkout at or after {@code since}, if any. */
    @Transactional
    public Optional<String> placedFrom(String storeId, String checkoutId, Instant since) {
        return persistence
                .forStore(storeId)
                .createQuery(
                        "select o.id from StoreOrder o where o.checkoutId = :checkout and o.placedAt >= :since"
                                + " order by o.placedAt desc",
                        String.class)
                .setParameter("checkout", checkoutId)
                .setParameter("since", since)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The payment method the order was placed with. */
    @Transactional
    public String methodCode(String storeId, String orderId) {
        StoreOrder order = persistence.forStore(storeId).find(StoreOrder.class, orderId);
        if (order == null) {
            throw new NotFoundException("No order " + orderId + " in this store");
        }
        return order.methodCode();
    }

    /** The order's latest attempt (the one the storefront follows). */
    @Transactional
    public State latest(String storeId, String orderId) {
        EntityManager em = persistence.forStore(storeId);
        StoreOrder order = em.find(StoreOrder.class, orderId);
        if (order == null) {
            throw new NotFoundException("No order " + orderId + " in this store");
        }
        List<Payment> payments = payments(em, orderId);
        return state(em, order, payments.get(payments.size() - 1));
    }

    /** The order's current state and one of its payments. */
    @Transactional
    public State state(String storeId, String paymentId) {
        EntityManager em = persistence.forStore(storeId);
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            throw new NotFoundException("No payment " + paymentId);
        }
        return state(em, em.find(StoreOrder.class, payment.orderId()), payment);
    }

    private static State state(EntityManager em, StoreOrder order, Payment payment) {
        return new State(
                order.id(),
                order.number(),
                order.status(),
                order.paymentStatus(),
                order.fulfilmentStatus(),
                payment.id(),
                payment.outcome(),
                payment.action(),
                payment.expiresAt(),
                payment.declineCategory(),
                payment.declineCode(),
                payment.declineMessage());
    }

    public static StoreOrder lockOrder(EntityManager em, String orderId) {
        StoreOrder order = em.find(StoreOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("No order " + orderId + " in this store");
        }
        return order;
    }

    public static List<Payment> payments(EntityManager em, String orderId) {
        return em.createQuery(
                        "select p from Payment p where p.orderId = :order order by p.attemptNumber", Payment.class)
                .setParameter("order", orderId)
                .getResultList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
