package io.caravan.platform.commerce.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One payment attempt of an order at one provider (installation). Its id is the attempt key the
 * provider receives as its idempotency key: one key per (attempt, provider), never reused. The row
 * is written before the provider is called, so a crash between the two leaves a {@code REQUESTED}
 * attempt the resolver queries rather than a charge nobody knows about.
 */
@Entity
@Table(name = "payments")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class Payment {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;

    @Column(name = "attempt_number", nullable = false, updatable = false)
    private int attemptNumber;

    @Column(name = "installation_id", nullable = false, updatable = false)
    private String installationId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "plugin_version", nullable = false, updatable = false)
    private String pluginVersion;

    @Column(name = "method_code", nullable = false, updatable = false)
    private String methodCode;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptOutcome outcome;

    @Column(name = "provider_reference")
    private String providerReference;

    @Column(name = "decline_category")
    private String declineCategory;

    @Column(name = "decline_code")
    private String declineCode;

    @Column(name = "decline_message")
    private String declineMessage;

    /** The action the shopper must take, as the storefront receives it (JSON); null without one. */
    @Column(name = "action")
    private String action;

    @Column(name = "authorized_minor", nullable = false)
    private long authorized;

    @Column(name = "authorize_pending_minor", nullable = false)
    private long authorizePending;

    @Column(name = "captured_minor", nullable = false)
    private long captured;

    @Column(name = "capture_pending_minor", nullable = false)
    private long capturePending;

    @Column(name = "refunded_minor", nullable = false)
    private long refunded;

    @Column(name = "refund_pending_minor", nullable = false)
    private long refundPending;

    @Column(name = "voided_minor", nullable = false)
    private long voided;

    /** When the authorisation or the pending payment lapses at the provider; null for none. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    /** When the resolver should next ask the provider about an open outcome; null when none is due. */
    @Column(name = "resolve_after")
    private Instant resolveAfter;

    @Column(name = "resolve_attempts", nullable = false)
    private int resolveAttempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Payment() {}

    public Payment(
            String id,
            String orderId,
            int attemptNumber,
            String installationId,
            String pluginId,
            String pluginVersion,
            String methodCode,
            String currency,
            long amountMinor,
            Instant now) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("a payment amount must be positive");
        }
        this.id = Objects.requireNonNull(id);
        this.orderId = Objects.requireNonNull(orderId);
        this.attemptNumber = attemptNumber;
        this.installationId = Objects.requireNonNull(installationId);
        this.pluginId = Objects.requireNonNull(pluginId);
        this.pluginVersion = Objects.requireNonNull(pluginVersion);
        this.methodCode = Objects.requireNonNull(methodCode);
        this.currency = Objects.requireNonNull(currency);
        this.amountMinor = amountMinor;
        this.outcome = AttemptOutcome.REQUESTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public PaymentAmounts amounts() {
        return new PaymentAmounts(
                authorized, authorizePending, captured, capturePending, refunded, refundPending, voided);
    }

    public void setAmounts(PaymentAmounts amounts, Instant now) {
        this.updatedAt = now;
        this.authorized = amounts.authorized();
        this.authorizePending = amounts.authorizePending();
        this.captured = amounts.captured();
        this.capturePending = amounts.capturePending();
        this.refunded = amounts.refunded();
        this.refundPending = amounts.refundPending();
        this.voided = amounts.voided();
    }

    /** Records what the provider answered for the authorisation step. */
    public void settle(AttemptOutcome newOutcome, String reference, Instant expiry, Instant now) {
        this.outcome = newOutcome;
        this.updatedAt = now;
        if (reference != null) {
            this.providerReference = reference;
        }
        this.expiresAt = expiry;
    }

    public void decline(AttemptOutcome declined, String category, String code, String message) {
        this.outcome = declined;
        this.declineCategory = category;
        this.declineCode = code;
        this.declineMessage = message;
        this.action = null;
        this.resolveAfter = null;
    }

    public void setAction(String actionJson) {
        this.action = actionJson;
    }

    public void scheduleResolution(Instant when) {
        this.resolveAfter = when;
    }

    public void resolutionTried(Instant next) {
        this.resolveAttempts++;
        this.resolveAfter = next;
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String orderId() {
        return orderId;
    }

    public int attemptNumber() {
        return attemptNumber;
    }

    public String installationId() {
        return installationId;
    }

    public String pluginId() {
        return pluginId;
    }

    public String pluginVersion() {
        return pluginVersion;
    }

    public String methodCode() {
        return methodCode;
    }

    public String currency() {
        return currency;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public AttemptOutcome outcome() {
        return outcome;
    }

    public String providerReference() {
        return providerReference;
    }

    public String declineCategory() {
        return declineCategory;
    }

    public String declineCode() {
        return declineCode;
    }

    public String declineMessage() {
        return declineMessage;
    }

    public String action() {
        return action;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant resolveAfter() {
        return resolveAfter;
    }

    public int resolveAttempts() {
        return resolveAttempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
