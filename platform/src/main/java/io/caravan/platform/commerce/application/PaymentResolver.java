package io.caravan.platform.commerce.application;

import io.caravan.platform.commerce.application.OrderWrites.AuthorizationOutcome;
import io.caravan.platform.commerce.domain.AttemptOutcome;
import io.caravan.platform.commerce.domain.CommerceSettings;
import io.caravan.platform.commerce.domain.Payment;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.host.application.InstalledPlugin;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.host.application.PluginPoint;
import io.caravan.platform.host.application.RoutingFacts;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.shared.persistence.ClusterSchedule;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.application.StoreLifecycle;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.sdk.model.OrderEventType;
import io.caravan.sdk.money.Money;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves what a payment attempt's own call could not: an UNKNOWN or never-answered attempt is
 * asked about by the platform's attempt key ({@code PAYMENT_STATUS}), with back-off; a pending
 * payment or an action the shopper never finished is checked once more at its expiry and then
 * expired (the order is cancelled and its stock released); an authorisation that outlived its
 * validity at the provider is no longer counted. Runs on every node; every write is guarded by the
 * order's row lock and the attempt's state, so two nodes resolving the same attempt change it once.
 */
@ApplicationScoped
public class PaymentResolver {
    /** Runs the scheduled job on one node of the cluster per period (docs/architecture.md, "Several nodes"). */
    @Inject
    ClusterSchedule cluster;

    private static final Logger LOG = Logger.getLogger(PaymentResolver.class.getName());
    private static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** An outcome nobody could resolve this long is left to the merchant (flagged in the order's history). */
    private static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    StoreLifecycle stores;

    @Inject
    PluginHost host;

    @Inject
    PaymentRouter router;

    @Inject
    OrderWrites writes;

    @Inject
    OrderEvents events;

    @Inject
    PaymentOperations operations;

    @Inject
    CommerceSettingsService settings;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Clock clock;

    @Inject
    PaymentResolver self;

    @Inject
    @ConfigProperty(name = "caravan.commerce.resolve-every", defaultValue = "PT10S")
    Duration every;

    /** The first pause before asking again; it doubles with each answer that still does not know, up to an hour. */
    @Inject
    @ConfigProperty(name = "caravan.commerce.unknown-retry-after", defaultValue = "PT10S")
    Duration firstRetry;

    /**
     * How long a capture, void or refund may stay without an answer, or an at-once authorisation
     * without its capture, before the resolver finishes it: far above any call's deadline, so that
     * only work a dead node left behind is taken up.
     */
    @Inject
    @ConfigProperty(name = "caravan.commerce.stalled-after", defaultValue = "PT2M")
    Duration stalledAfter;

    @Resource
    ManagedScheduledExecutorService executor;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 70) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalStateException("caravan.commerce.resolve-every must be a positive duration, not " + every);
        }
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!cluster.claim("payment-resolver", every)) {
                            return;
                        }
                        runOnce();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Resolving open payments failed; the next run retries", e);
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One pass over every store; returns how many attempts it looked at. */
    public int runOnce() {
        int looked = 0;
        for (int page = 0; ; page++) {
            Page<Store> batch = stores.list(null, null, new PageRequest(page, PageRequest.MAX_SIZE));
            for (Store store : batch.items()) {
                StoreRef ref = new StoreRef(store.id(), store.slug().value());
                try {
                    looked += resolve(ref);
                    idempotency.purgeExpired(store.id());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Resolving payments of store " + ref.slug() + " failed", e);
                }
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= batch.total()) {
                return looked;
            }
        }
    }

    /** Resolves the store's due attempts. */
    public int resolve(StoreRef store) {
        List<Payment> due = self.due(store.id());
        for (Payment payment : due) {
            resolveOne(store, payment);
        }
        for (Payment lapsed : self.lapsedAuthorizations(store.id())) {
            self.expireAuthorization(store.id(), lapsed.id());
        }
        // what a node that died mid-request did not finish (docs/architecture.md, "Crashes")
        Instant stalledBefore = clock.instant().minus(stalledAfter);
        for (String operation : operations.unanswered(store.id(), stalledBefore, BATCH)) {
            PaymentOperations.Result asked = operations.askAgain(store, operation);
            if (asked != null) {
                LOG.info(() -> "Asked the provider again for " + asked.kind() + " " + operation + " of store "
                        + store.slug() + ", unanswered since before " + stalledBefore + ": " + asked.status());
            }
        }
        CommerceSettings current = settings.settings(store.id());
        if (current.captureMode() == CommerceSettings.CaptureMode.AT_ONCE) {
            for (String payment : self.uncapturedAtOnce(store.id(), current.updatedAt(), stalledBefore)) {
                PaymentOperations.Result captured = operations.captureAfterAuthorization(store, payment);
                if (captured != null) {
                    LOG.info(() -> "Captured payment " + payment + " of store " + store.slug()
                            + ", authorised at once but never captured (its request stopped): " + captured.status());
                }
            }
        }
        return due.size();
    }

    /**
     * Authorised payments of a store that captures at once with nothing captured or being captured,
     * authorised under the current setting (after {@code settingSince}) and before {@code before}:
     * the request that authorised them stopped before asking for its capture (a capture asked for and
     * failed is the merchant's to retry, never the resolver's). An authorisation made while the store
     * captured on shipment is the merchant's to capture, also after a change of setting.
     */
    @Transactional
    public List<String> uncapturedAtOnce(String storeId, Instant settingSince, Instant before) {
        return persistence
                .forStore(storeId)
                .createQuery(
                        "select p.id from Payment p where p.outcome = :authorized and p.authorized > 0"
                                + " and p.capturePending = 0 and p.captured = 0 and p.createdAt > :since"
                                + " and p.updatedAt < :before and not exists (select o from PaymentOperation o"
                                + " where o.paymentId = p.id and o.kind = :capture) order by p.updatedAt",
                        String.class)
                .setParameter("authorized", AttemptOutcome.AUTHORIZED)
                .setParameter("capture", io.caravan.platform.commerce.domain.PaymentOperation.CAPTURE)
                .setParameter("since", settingSince)
                .setParameter("before", before)
                .setMaxResults(BATCH)
                .getResultList();
    }

    private void resolveOne(StoreRef store, Payment payment) {
        Instant now = clock.instant();
        InstalledPlugin provider = host.providers(store, PluginPoint.PAYMENT_STATUS, RoutingFacts.NONE).stream()
                .filter(i -> i.installationId().value().equals(payment.installationId()))
                .findFirst()
                .orElse(null);
        AuthorizationOutcome answer = provider == null
                ? new AuthorizationOutcome(
                        AttemptOutcome.UNKNOWN,
                        null,
                        0,
                        null,
                        null,
                        null,
                        "the provider's plugin cannot be asked (no PAYMENT_STATUS, or not enabled)",
                        null)
                : router.status(
                        provider,
                        payment.id(),
                        payment.providerReference(),
                        new Money(payment.amountMinor(), Currency.getInstance(payment.currency())));
        boolean expired = payment.expiresAt() != null && !now.isBefore(payment.expiresAt());
        AttemptOutcome outcome = answer.outcome();
        if (outcome == AttemptOutcome.UNKNOWN || outcome == AttemptOutcome.REQUESTED) {
            if (expired
                    && (payment.outcome() == AttemptOutcome.ACTION_REQUIRED
                            || payment.outcome() == AttemptOutcome.PENDING)) {
                answer = new AuthorizationOutcome(
                        AttemptOutcome.EXPIRED,
                        null,
                        0,
                        null,
                        null,
                        "expired",
                        "not completed before " + payment.expiresAt(),
                        null);
            } else {
                self.retryLater(store.id(), payment.id(), answer.message());
                return;
            }
        } else if ((outcome == AttemptOutcome.PENDING || outcome == AttemptOutcome.ACTION_REQUIRED)) {
            if (!expired) {
                self.retryLater(store.id(), payment.id(), "still " + outcome);
                return;
            }
            answer = new AuthorizationOutcome(
                    AttemptOutcome.EXPIRED,
                    null,
                    0,
                    null,
                    null,
                    "expired",
                    "not completed before " + payment.expiresAt(),
                    null);
        }
        OrderWrites.State state = writes.applyAuthorization(store.id(), payment.id(), answer, "resolver");
        if (state.attempt().failed()) {
            writes.cancelUnpaid(
                    store.id(),
                    state.orderId(),
                    "the payment " + state.attempt().name().toLowerCase(java.util.Locale.ROOT) + " (" + answer.message()
                            + ")");
        } else if (state.attempt() == AttemptOutcome.AUTHORIZED
                && settings.settings(store.id()).captureMode() == CommerceSettings.CaptureMode.AT_ONCE) {
            operations.captureAfterAuthorization(store, payment.id());
        }
    }

    @Transactional
    public List<Payment> due(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery(
                        "select p from Payment p where p.resolveAfter <= :now and p.outcome in :open"
                                + " order by p.resolveAfter",
                        Payment.class)
                .setParameter("now", clock.instant())
                .setParameter(
                        "open",
                        List.of(
                                AttemptOutcome.REQUESTED,
                                AttemptOutcome.UNKNOWN,
                                AttemptOutcome.ACTION_REQUIRED,
                                AttemptOutcome.PENDING))
                .setMaxResults(BATCH)
                .getResultList();
    }

    @Transactional
    public List<Payment> lapsedAuthorizations(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery(
                        "select p from Payment p where p.outcome = :authorized and p.expiresAt <= :now"
                                + " and p.authorized > 0",
                        Payment.class)
                .setParameter("authorized", AttemptOutcome.AUTHORIZED)
                .setParameter("now", clock.instant())
                .setMaxResults(BATCH)
                .getResultList();
    }

    @Transactional
    public void retryLater(String storeId, String paymentId, String why) {
        EntityManager em = persistence.forStore(storeId);
        Payment payment = em.find(Payment.class, paymentId);
        StoreOrder order = OrderWrites.lockOrder(em, payment.orderId());
        // read again under the locks: a notification or the placing request may have settled it
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!payment.outcome().open()) {
            return;
        }
        Duration wait = firstRetry.multipliedBy(1L << Math.min(payment.resolveAttempts(), 9));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        if (now.isAfter(payment.createdAt().plus(GIVE_UP_AFTER))) {
            payment.resolutionTried(null);
            events.history(
                    em,
                    order,
                    "PAYMENT_UNRESOLVED",
                    "attempt " + payment.attemptNumber() + " at "
                            + payment.pluginId() + " is still " + payment.outcome() + " after 24 h (" + why
                            + "); check it with the provider and cancel or capture the order by hand",
                    "resolver",
                    now);
            return;
        }
        Instant next = payment.expiresAt() != null
                        && payment.expiresAt().isAfter(now)
                        && payment.outcome() != AttemptOutcome.UNKNOWN
                        && payment.outcome() != AttemptOutcome.REQUESTED
                ? payment.expiresAt()
                : now.plus(wait);
        payment.resolutionTried(next);
    }

    @Transactional
    public void expireAuthorization(String storeId, String paymentId) {
        EntityManager em = persistence.forStore(storeId);
        Payment payment = em.find(Payment.class, paymentId);
        StoreOrder order = OrderWrites.lockOrder(em, payment.orderId());
        // read again under the locks: a notification or the placing request may have settled it
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        long lapsed = payment.amounts().authorized();
        if (lapsed <= 0 || payment.expiresAt() == null || now.isBefore(payment.expiresAt())) {
            return;
        }
        payment.setAmounts(payment.amounts().expireAuthorization(), now);
        events.emit(
                em,
                storeId,
                order,
                OrderEventType.PAYMENT_FAILED,
                "the authorisation of " + lapsed + " "
                        + payment.currency() + " at " + payment.pluginId() + " expired on " + payment.expiresAt()
                        + " before it was captured",
                "resolver",
                OrderEvents.payment(payment.methodCode(), lapsed, payment.currency(), payment.pluginId()),
                null,
                now);
        writes.settle(em, storeId, order, now);
    }
}
