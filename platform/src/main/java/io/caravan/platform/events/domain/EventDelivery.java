package io.caravan.platform.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One event on its way to one installation of the store: the outbox's unit of work. Unique per
 * (event, installation) — the dedup key; the listener receives the event's id, which within one
 * installation names this delivery alone.
 *
 * <p>Life: {@link DeliveryStatus#PENDING} until an attempt succeeds ({@code DELIVERED}), the
 * listener says the event does not apply ({@code SKIPPED}) or every attempt allowed failed
 * ({@code DEAD}); a dead one goes back to pending when the merchant retries it. An attempt starts
 * with a claim — a lease for one node until {@code leaseUntil}, with a fresh token — and ends with
 * its outcome recorded under that token; an outcome whose lease was taken over in the meantime is
 * not recorded (the node that took it over delivers again: at least once).
 */
@Entity
@Table(name = "event_deliveries")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class EventDelivery {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private long sequence;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "installation_id", nullable = false, updatable = false)
    private String installationId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claim_token")
    private String claimToken;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "enqueued_at", nullable = false, updatable = false)
    private Instant enqueuedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected EventDelivery() {}

    /** A new delivery of {@code event} to an installation, due at once. */
    public EventDelivery(RecordedOrderEvent event, String installationId, String pluginId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.eventId = event.id();
        this.orderId = event.orderId();
        this.sequence = event.sequence();
        this.eventType = event.type();
        this.installationId = Objects.requireNonNull(installationId, "installationId");
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.status = DeliveryStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.enqueuedAt = now;
    }

    /**
     * Whether a node may claim it now: pending, due, and not leased to anyone (a lease that has
     * passed is as good as none: its node died or overran). Whether an earlier event of the same
     * order is still pending for the installation is the queue's question.
     */
    public boolean claimable(Instant now) {
        return status == DeliveryStatus.PENDING
                && !nextAttemptAt.isAfter(now)
                && (leaseUntil == null || !leaseUntil.isAfter(now));
    }

    /**
     * Leases it to {@code node} for {@code lease} and counts the attempt.
     *
     * @return the claim's token, which the outcome must present
     * @throws IllegalStateException when it is not {@link #claimable}
     */
    public String claim(String node, Instant now, Duration lease) {
        if (!claimable(now)) {
            throw new IllegalStateException("delivery " + id + " is not claimable now (" + status + ")");
        }
        this.claimedBy = Objects.requireNonNull(node, "node");
        this.claimToken = UUID.randomUUID().toString();
        this.leaseUntil = now.plus(lease);
        this.attempts = Math.addExact(attempts, 1);
        return claimToken;
    }

    /** Whether the claim with this token still holds it (nobody took it over since). */
    public boolean heldBy(String token) {
        return status == DeliveryStatus.PENDING && token != null && token.equals(claimToken);
    }

    /** The listener acknowledged it. */
    public void delivered(String token, Instant now) {
        requireHeld(token);
        complete(DeliveryStatus.DELIVERED, now);
    }

    /** The listener answered that the event does not apply to it: done, not retried. */
    public void skipped(String token, String reason, Instant now) {
        requireHeld(token);
        this.lastError = DeliveryError.of(reason);
        complete(DeliveryStatus.SKIPPED, now);
    }

    /**
     * The attempt failed: due again after the policy's wait, or dead when it was the last.
     *
     * @return the next attempt's time; empty when the delivery is now dead
     */
    public Optional<Instant> failed(String token, String error, Instant now, RetryPolicy policy) {
        requireHeld(token);
        this.lastError = DeliveryError.of(error);
        release();
        Optional<Duration> wait = policy.waitAfter(attempts);
        if (wait.isEmpty()) {
            complete(DeliveryStatus.DEAD, now);
            return Optional.empty();
        }
        this.nextAttemptAt = now.plus(wait.get());
        return Optional.of(nextAttemptAt);
    }

    /**
     * The merchant sends a dead delivery again: pending, due now, with a fresh count of attempts;
     * its last error stays until the next attempt replaces it.
     *
     * @throws DeliveryNotRetryableException when it is not dead
     */
    public void retry(Instant now) {
        if (status != DeliveryStatus.DEAD) {
            throw new DeliveryNotRetryableException(id, status);
        }
        this.status = DeliveryStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.completedAt = null;
        release();
    }

    private void requireHeld(String token) {
        if (!heldBy(token)) {
            throw new IllegalStateException("the claim on delivery " + id + " was taken over");
        }
    }

    private void complete(DeliveryStatus finalStatus, Instant now) {
        this.status = finalStatus;
        this.completedAt = now;
        release();
    }

    private void release() {
        this.claimedBy = null;
        this.claimToken = null;
        this.leaseUntil = null;
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String eventId() {
        return eventId;
    }

    public String orderId() {
        return orderId;
    }

    public long sequence() {
        return sequence;
    }

    public String eventType() {
        return eventType;
    }

    public String installationId() {
        return installationId;
    }

    public String pluginId() {
        return pluginId;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public String lastError() {
        return lastError;
    }

    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
