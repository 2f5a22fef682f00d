package io.caravan.platform.commerce.application;

import io.caravan.platform.commerce.application.OrderWrites.AuthorizationOutcome;
import io.caravan.platform.commerce.domain.AppliedPaymentUpdate;
import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.platform.commerce.domain.CommerceSettings;
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
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.payments.NotificationResult;
import io.caravan.sdk.payments.PaymentUpdate;
import io.caravan.sdk.plugin.ProviderNotification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A provider's notification, received at the installation's public endpoint: the installation's
 * own plugin verifies the signature with its secret and turns it into updates; the platform then
 * applies each update only to a payment that installation created, only in the payment's currency
 * and within its amounts, and only once per (type, operation reference, amount) — a replay or a
 * forgery changes nothing.
 */
@ApplicationScoped
public class PaymentNotifications {
    /** The largest notification body accepted (providers send a few KB). */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    @Inject
    PluginHost host;

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    OrderWrites writes;

    @Inject
    OrderEvents events;

    @Inject
    PaymentOperations operations;

    @Inject
    CommerceSettingsService settings;

    @Inject
    Clock clock;

    @Inject
    PaymentNotifications self;

    /** What became of a notification. */
    public record Receipt(
            boolean verified, int applied, int duplicates, int deferred, int refused, String acknowledgement) {}

    /** What became of one update. */
    /**
     * @param callInFlight the platform's own call of the attempt had not returned when the update
     *                     came: the placing request carries the order on (its capture), not the
     *                     notification
     */
    public record Applied(
            String outcome, String orderId, AttemptOutcome attempt, String paymentId, boolean callInFlight) {}

    /**
     * @throws NotFoundException when the store has no enabled payments installation with this id
     *                           (the same answer whether it is another store's or none at all)
     */
    public Receipt receive(StoreRef store, String installationId, Map<String, List<String>> headers, byte[] body) {
        InstalledPlugin installation =
                host.providers(store, PluginPoint.PAYMENT_NOTIFICATIONS, RoutingFacts.NONE).stream()
                        .filter(i -> i.installationId().value().equals(installationId))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException(
                                "No payments plugin of this store receives notifications at " + installationId));
        ProviderNotification notification = new ProviderNotification(headers, body, clock.instant());
        NotificationResult result;
        try {
            PluginOutcome<NotificationResult> outcome = host.call(
                    installation,
                    PluginPoint.PAYMENT_NOTIFICATIONS,
                    (handler, ctx) -> handler.handle(ctx, notification),
                    null,
                    Locale.ROOT);
            if (!outcome.answered()) {
                throw new NotificationNotHandledException(outcome.failure().describe());
            }
            result = outcome.value();
        } catch (PluginFailedException e) {
            throw new NotificationNotHandledException(e.failure().describe());
        } catch (PluginRefusalException e) {
            return new Receipt(false, 0, 0, 0, 0, null);
        }
        if (result == null || !result.verified()) {
            return new Receipt(false, 0, 0, 0, 0, null);
        }
        int applied = 0;
        int duplicates = 0;
        int refused = 0;
        int deferred = 0;
        for (PaymentUpdate update : result.updates()) {
            Applied a = self.apply(store.id(), installationId, update);
            switch (a.outcome()) {
                case "applied" -> applied++;
                case "duplicate" -> duplicates++;
                case "deferred" -> deferred++;
                default -> refused++;
            }
            if ("applied".equals(a.outcome()) && a.attempt() != null) {
                followUp(store, a);
            }
        }
        return new Receipt(true, applied, duplicates, deferred, refused, result.acknowledgement());
    }

    private void followUp(StoreRef store, Applied a) {
        if (a.callInFlight()) {
            // the placing request is still waiting for its own answer: it fails over, cancels or
            // captures, not the notification (which would cancel an order about to try provider B)
            return;
        }
        if (a.attempt() == AttemptOutcome.DECLINED || a.attempt() == AttemptOutcome.EXPIRED) {
            writes.cancelUnpaid(
                    store.id(),
                    a.orderId(),
                    "the payment was " + a.attempt().name().toLowerCase(Locale.ROOT) + " at the provider");
        } else if (a.attempt() == AttemptOutcome.AUTHORIZED
                && settings.settings(store.id()).captureMode() == CommerceSettings.CaptureMode.AT_ONCE) {
            operations.captureAfterAuthorization(store, a.paymentId());
        }
    }

    /** Applies one update in a transaction of its own, under the order's lock. */
    @Transactional
    public Applied apply(String storeId, String installationId, PaymentUpdate u) {
        EntityManager em = persistence.forStore(storeId);
        Payment payment = find(em, installationId, u);
        if (payment == null) {
            return new Applied("refused: no payment of this installation matches", null, null, null, false);
        }
        StoreOrder order = OrderWrites.lockOrder(em, payment.orderId());
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (payment.outcome() == AttemptOutcome.REQUESTED
                && switch (u.type()) {
                    case AUTHORIZED, AUTHORIZATION_FAILED, AUTHORIZATION_EXPIRED, CAPTURED -> true;
                    default -> false;
                }) {
            // the platform's own call has not returned: its answer (with the decline's category, the
            // provider reference) records the outcome, or the resolver's status query does if the
            // placing request died; nothing is recorded here, so a later delivery still counts
            return new Applied("deferred", order.id(), null, payment.id(), true);
        }
        String reference = u.operationReference() != null ? u.operationReference() : u.providerReference();
        long amount = u.amount().minorUnits();
        boolean seen = !em.createQuery(
                        "select u from AppliedPaymentUpdate u where u.paymentId = :payment and u.type = :type"
                                + " and u.operationReference = :reference and u.amountMinor = :amount",
                        AppliedPaymentUpdate.class)
                .setParameter("payment", payment.id())
                .setParameter("type", u.type().name())
                .setParameter("reference", reference)
                .setParameter("amount", amount)
                .getResultList()
                .isEmpty();
        if (seen) {
            return new Applied("duplicate", order.id(), null, payment.id(), false);
        }
        if (settledByAnswer(em, payment, u)) {
            em.persist(new AppliedPaymentUpdate(
                    UUID.randomUUID().toString(),
                    payment.id(),
                    u.type().name(),
                    reference,
                    amount,
                    "notification",
                    false,
                    "already settled by the provider's answer to the platform's call",
                    now));
            return new Applied("duplicate", order.id(), null, payment.id(), false);
        }
        String refusal = check(payment, u);
        em.persist(new AppliedPaymentUpdate(
                UUID.randomUUID().toString(),
                payment.id(),
                u.type().name(),
                reference,
                amount,
                "notification",
                refusal == null,
                refusal,
                now));
        if (refusal != null) {
            events.history(
                    em,
                    order,
                    "PROVIDER_UPDATE_REFUSED",
                    u.type() + " of " + amount + " " + u.amount().currency().getCurrencyCode() + " refused: " + refusal,
                    "provider",
                    now);
            return new Applied("refused: " + refusal, order.id(), null, payment.id(), false);
        }
        boolean inFlight = payment.outcome() == AttemptOutcome.REQUESTED;
        AttemptOutcome attempt = effect(em, storeId, order, payment, u, now);
        return new Applied("applied", order.id(), attempt, payment.id(), inFlight);
    }

    /** Whether the operation this update reports was already settled from the provider's synchronous answer. */
    private static boolean settledByAnswer(EntityManager em, Payment payment, PaymentUpdate u) {
        if (u.type() == io.caravan.sdk.payments.PaymentUpdateType.AUTHORIZED
                && (payment.outcome() == AttemptOutcome.AUTHORIZED || payment.outcome() == AttemptOutcome.CAPTURED)) {
            // the authorisation was already recorded (the call's answer, a resume or an earlier notification)
            return true;
        }
        String kind = switch (u.type()) {
            case CAPTURED -> payment.outcome().open() ? null : PaymentOperation.CAPTURE;
            case REFUNDED -> PaymentOperation.REFUND;
            case VOIDED -> PaymentOperation.VOID;
            default -> null;
        };
        if (kind == null) {
            return false;
        }
        if (u.platformKey() != null) {
            PaymentOperation op = em.find(PaymentOperation.class, u.platformKey());
            if (op != null && op.paymentId().equals(payment.id())) {
                return !List.of(PaymentOperation.REQUESTED, "PENDING", "UNKNOWN")
                        .contains(op.status());
            }
        }
        return u.operationReference() != null
                && !em.createQuery(
                                "select o from PaymentOperation o where o.paymentId = :payment and o.kind = :kind"
                                        + " and o.operationReference = :reference and o.status = 'SUCCEEDED'",
                                PaymentOperation.class)
                        .setParameter("payment", payment.id())
                        .setParameter("kind", kind)
                        .setParameter("reference", u.operationReference())
                        .getResultList()
                        .isEmpty();
    }

    /** Why the update cannot apply to this payment, or null. */
    private static String check(Payment payment, PaymentUpdate u) {
        if (!u.amount().currency().getCurrencyCode().equals(payment.currency())) {
            return "in " + u.amount().currency().getCurrencyCode() + " for a payment in " + payment.currency();
        }
        long amount = u.amount().minorUnits();
        PaymentAmounts a = payment.amounts();
        return switch (u.type()) {
            case AUTHORIZED ->
                amount > payment.amountMinor() ? "more than the " + payment.amountMinor() + " asked" : null;
            case CAPTURED ->
                payment.outcome().open()
                        ? (amount > payment.amountMinor() ? "more than the " + payment.amountMinor() + " asked" : null)
                        : (amount > a.authorized() ? "more than the " + a.authorized() + " still authorised" : null);
            case REFUNDED ->
                amount > a.captured() - a.refunded()
                        ? "more than the " + (a.captured() - a.refunded()) + " captured and not refunded"
                        : null;
            case DISPUTE_LOST -> amount > a.captured() - a.refunded() ? "more than was captured" : null;
            default -> null;
        };
    }

    private AttemptOutcome effect(
            EntityManager em, String storeId, StoreOrder order, Payment payment, PaymentUpdate u, Instant now) {
        long amount = u.amount().minorUnits();
        PaymentAmounts a = payment.amounts();
        String source = "provider:" + payment.pluginId();
        switch (u.type()) {
            case AUTHORIZED, CAPTURED -> {
                if (payment.outcome().open()) {
                    AttemptOutcome outcome = u.type() == io.caravan.sdk.payments.PaymentUpdateType.AUTHORIZED
                            ? AttemptOutcome.AUTHORIZED
                            : AttemptOutcome.CAPTURED;
                    writes.applyAuthorization(
                            storeId,
                            payment.id(),
                            new AuthorizationOutcome(
                                    outcome, u.providerReference(), amount, null, null, null, null, null),
                            source);
                    return outcome;
                }
                if (payment.outcome().failed()) {
                    // the money came after the platform gave the attempt up (expired, cancelled):
                    // it is recorded, and the merchant is told to give it back
                    boolean captured = u.type() == io.caravan.sdk.payments.PaymentUpdateType.CAPTURED;
                    payment.setAmounts(captured ? a.charge(amount) : a.authorize(amount), now);
                    events.history(
                            em,
                            order,
                            "LATE_PAYMENT",
                            amount + " " + payment.currency() + " "
                                    + (captured ? "taken" : "authorised") + " by " + payment.pluginId()
                                    + " after attempt "
                                    + payment.attemptNumber() + " was " + payment.outcome()
                                    + ": refund or void it (the order is " + order.status() + ")",
                            source,
                            now);
                } else if (u.type() == io.caravan.sdk.payments.PaymentUpdateType.CAPTURED) {
                    PaymentOperation op = pendingOperation(em, payment, PaymentOperation.CAPTURE, u.platformKey());
                    PaymentAmounts base = op == null ? a : a.dropPendingCapture(op.amountMinor());
                    payment.setAmounts(base.capture(amount), now);
                    if (op != null) {
                        op.answered("SUCCEEDED", u.operationReference(), null, now);
                    }
                    paymentEvent(
                            em,
                            storeId,
                            order,
                            payment,
                            OrderEventType.PAYMENT_CAPTURED,
                            amount,
                            amount + " " + payment.currency() + " captured (provider notification)",
                            source,
                            now);
                }
            }
            case AUTHORIZATION_FAILED -> {
                if (payment.outcome().open()) {
                    writes.applyAuthorization(
                            storeId,
                            payment.id(),
                            new AuthorizationOutcome(
                                    AttemptOutcome.DECLINED,
                                    u.providerReference(),
                                    0,
                                    null,
                                    "HARD",
                                    "authorization_failed",
                                    u.reason(),
                                    null),
                            source);
                    return AttemptOutcome.DECLINED;
                }
            }
            case AUTHORIZATION_EXPIRED -> {
                if (payment.outcome().open()) {
                    writes.applyAuthorization(
                            storeId,
                            payment.id(),
                            new AuthorizationOutcome(
                                    AttemptOutcome.EXPIRED,
                                    u.providerReference(),
                                    0,
                                    null,
                                    null,
                                    "expired",
                                    u.reason(),
                                    null),
                            source);
                    return AttemptOutcome.EXPIRED;
                }
                if (a.authorized() > 0) {
                    payment.setAmounts(a.expireAuthorization(), now);
                    paymentEvent(
                            em,
                            storeId,
                            order,
                            payment,
                            OrderEventType.PAYMENT_FAILED,
                            a.authorized(),
                            "the authorisation of " + a.authorized() + " " + payment.currency()
                                    + " expired at the provider",
                            source,
                            now);
                }
            }
            case CAPTURE_FAILED -> {
                operationFailed(em, order, payment, PaymentOperation.CAPTURE, u, source, now);
            }
            case VOIDED -> {
                if (a.authorized() > 0) {
                    payment.setAmounts(a.voidRemaining(), now);
                    paymentEvent(
                            em,
                            storeId,
                            order,
                            payment,
                            OrderEventType.PAYMENT_VOIDED,
                            a.authorized(),
                            a.authorized() + " " + payment.currency() + " released (provider notification)",
                            source,
                            now);
                }
            }
            case REFUNDED -> {
                PaymentOperation op = pendingOperation(em, payment, PaymentOperation.REFUND, u.platformKey());
                PaymentAmounts base = op == null ? a : a.dropPendingRefund(op.amountMinor());
                payment.setAmounts(base.refund(amount), now);
                if (op != null) {
                    op.answered("SUCCEEDED", u.operationReference(), null, now);
                }
                paymentEvent(
                        em,
                        storeId,
                        order,
                        payment,
                        OrderEventType.PAYMENT_REFUNDED,
                        amount,
                        amount + " " + payment.currency() + " refunded (provider notification)",
                        source,
                        now);
            }
            case REFUND_FAILED -> {
                operationFailed(em, order, payment, PaymentOperation.REFUND, u, source, now);
            }
            case DISPUTE_OPENED, DISPUTE_WON ->
                events.history(
                        em,
                        order,
                        u.type().name(),
                        "the shopper's bank: "
                                + u.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " for " + amount + " "
                                + payment.currency() + (u.reason() == null ? "" : " (" + u.reason() + ")"),
                        source,
                        now);
            case DISPUTE_LOST -> {
                payment.setAmounts(a.chargeBack(amount), now);
                paymentEvent(
                        em,
                        storeId,
                        order,
                        payment,
                        OrderEventType.PAYMENT_REFUNDED,
                        amount,
                        amount + " " + payment.currency() + " taken back by the shopper's bank (dispute lost)",
                        source,
                        now);
            }
            default -> events.history(em, order, u.type().name(), "provider update " + u.type(), source, now);
        }
        writes.settle(em, storeId, order, now);
        return null;
    }

    /** A payment event of the order for {@code amount} of the payment's currency, by its provider. */
    private void paymentEvent(
            EntityManager em,
            String storeId,
            StoreOrder order,
            Payment payment,
            OrderEventType type,
            long amount,
            String summary,
            String source,
            Instant now) {
        events.emit(
                em,
                storeId,
                order,
                type,
                summary,
                source,
                OrderEvents.payment(payment.methodCode(), amount, payment.currency(), payment.pluginId()),
                null,
                now);
    }

    /** A capture or refund the provider reports failed: its pending amount is dropped, the operation closed. */
    private void operationFailed(
            EntityManager em,
            StoreOrder order,
            Payment payment,
            String kind,
            PaymentUpdate u,
            String source,
            Instant now) {
        boolean capture = PaymentOperation.CAPTURE.equals(kind);
        PaymentOperation op = pendingOperation(em, payment, kind, u.platformKey());
        if (op != null) {
            PaymentAmounts a = payment.amounts();
            payment.setAmounts(
                    capture ? a.dropPendingCapture(op.amountMinor()) : a.dropPendingRefund(op.amountMinor()), now);
            op.answered("FAILED", u.operationReference(), u.reason(), now);
        }
        events.history(
                em,
                order,
                capture ? "CAPTURE_FAILED" : "REFUND_FAILED",
                "the provider reports a failed " + (capture ? "capture" : "refund") + ": " + u.reason(),
                source,
                now);
    }

    /** The payment an update is about: one this installation created, by the platform's key or the provider's reference. */
    private static Payment find(EntityManager em, String installationId, PaymentUpdate u) {
        if (u.platformKey() != null) {
            Payment byKey = em.find(Payment.class, u.platformKey());
            if (byKey == null) {
                PaymentOperation op = em.find(PaymentOperation.class, u.platformKey());
                byKey = op == null ? null : em.find(Payment.class, op.paymentId());
            }
            if (byKey != null) {
                return installationId.equals(byKey.installationId()) ? byKey : null;
            }
        }
        if (u.providerReference() == null) {
            return null;
        }
        return em.createQuery(
                        "select p from Payment p where p.installationId = :installation"
                                + " and p.providerReference = :reference",
                        Payment.class)
                .setParameter("installation", installationId)
                .setParameter("reference", u.providerReference())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static PaymentOperation pendingOperation(EntityManager em, Payment payment, String kind, String key) {
        if (key != null) {
            PaymentOperation op = em.find(PaymentOperation.class, key);
            if (op != null && op.paymentId().equals(payment.id()) && PaymentOperation.REQUESTED.equals(op.status())) {
                return op;
            }
        }
        return em.createQuery(
                        "select o from PaymentOperation o where o.paymentId = :payment and o.kind = :kind"
                                + " and o.status in ('REQUESTED', 'PENDING', 'UNKNOWN') order by o.createdAt",
                        PaymentOperation.class)
                .setParameter("payment", payment.id())
                .setParameter("kind", kind)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
