package io.caravan.platform.events.application;

import io.caravan.platform.events.domain.DeliveryQueue;
import io.caravan.platform.events.domain.EventDelivery;
import io.caravan.platform.events.domain.RecordedOrderEvent;
import io.caravan.platform.events.domain.RetryPolicy;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The two short transactions around each attempt, each bound to the delivery's store: the claim
 * (rows locked with {@code SKIP LOCKED}, leased, the attempt counted) and the outcome (recorded
 * only if the claim still holds). The listener itself is called between them, outside any
 * transaction, so a slow listener holds no lock and no connection.
 */
@ApplicationScoped
public class DeliveryAttempts {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    DeliveryQueue queue;

    @Inject
    OutboxSettings settings;

    @Inject
    Clock clock;

    /** A delivery this node now holds, with what it needs to make the attempt. */
    public record Claim(
            String storeId,
            String deliveryId,
            String token,
            String installationId,
            String payload,
            Instant enqueuedAt,
            int attempt) {}

    /** What became of an attempt's outcome. */
    public enum Recorded {
        DELIVERED,
        SKIPPED,
        RETRY_LATER,
        DEAD,
        /** The lease had passed and another claim took the delivery over: nothing recorded. */
        CLAIM_LOST
    }

    /**
     * Claims those of {@code deliveryIds} (of one store) that are still claimable and not locked by
     * another node's claim at this moment.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claim> claim(String storeId, Collection<String> deliveryIds, String node) {
        EntityManager em = persistence.forStore(storeId);
        Instant now = clock.instant();
        List<Claim> claims = new ArrayList<>();
        for (String id : queue.lockClaimable(storeId, deliveryIds, now)) {
            EventDelivery delivery = em.find(EventDelivery.class, id);
            if (delivery == null || !delivery.claimable(now)) {
                continue;
            }
            String token = delivery.claim(node, now, settings.lease());
            RecordedOrderEvent event = em.find(RecordedOrderEvent.class, delivery.eventId());
            claims.add(new Claim(
                    storeId,
                    id,
                    token,
                    delivery.installationId(),
                    event.payload(),
                    delivery.enqueuedAt(),
                    delivery.attempts()));
        }
        return claims;
    }

    /** Records the listener's answer for a claim, if the claim still holds the delivery. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(Claim claim, ListenerAnswer answer) {
        EntityManager em = persistence.forStore(claim.storeId());
        EventDelivery delivery = em.find(EventDelivery.class, claim.deliveryId());
        if (delivery == null || !delivery.heldBy(claim.token())) {
            return Recorded.CLAIM_LOST;
        }
        return apply(delivery, claim.token(), answer, clock.instant(), settings.retryPolicy());
    }

    /** The answer's effect on a delivery the claim with {@code token} holds. */
    static Recorded apply(
            EventDelivery delivery, String token, ListenerAnswer answer, Instant now, RetryPolicy policy) {
        return switch (answer) {
            case ListenerAnswer.Acknowledged a -> {
                delivery.delivered(token, now);
                yield Recorded.DELIVERED;
            }
            case ListenerAnswer.NotApplicable n -> {
                delivery.skipped(token, n.reason(), now);
                yield Recorded.SKIPPED;
            }
            case ListenerAnswer.Failed f ->
                delivery.failed(token, f.reason(), now, policy).isPresent() ? Recorded.RETRY_LATER : Recorded.DEAD;
        };
    }
}
