package io.caravan.platform.commerce.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A capture, void or refund asked of a provider: recorded (REQUESTED) before the call, its id the
 * operation key the provider receives as its idempotency key, then updated with the answer.
 */
@Entity
@Table(name = "payment_operations")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class PaymentOperation {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private String paymentId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false)
    private String status;

    @Column(name = "operation_reference")
    private String operationReference;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public static final String CAPTURE = "CAPTURE";
    public static final String VOID = "VOID";
    public static final String REFUND = "REFUND";
    public static final String REQUESTED = "REQUESTED";

    protected PaymentOperation() {}

    public PaymentOperation(
            String id, String paymentId, String kind, long amountMinor, String requestedBy, Instant now) {
        this.id = id;
        this.paymentId = paymentId;
        this.kind = kind;
        this.amountMinor = amountMinor;
        this.status = REQUESTED;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void answered(String newStatus, String reference, String reason, Instant now) {
        this.status = newStatus;
        this.operationReference = reference;
        this.failureReason = reason == null || reason.length() <= 300 ? reason : reason.substring(0, 290) + " […]";
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String paymentId() {
        return paymentId;
    }

    public String kind() {
        return kind;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String status() {
        return status;
    }

    public String operationReference() {
        return operationReference;
    }

    public String failureReason() {
        return failureReason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
