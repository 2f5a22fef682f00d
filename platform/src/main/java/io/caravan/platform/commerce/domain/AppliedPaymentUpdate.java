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
 * A provider's update applied to (or refused for) a payment, unique per (type, operation reference,
 * amount): a replayed notification finds its row and changes nothing.
 */
@Entity
@Table(name = "payment_updates")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class AppliedPaymentUpdate {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private String paymentId;

    @Column(name = "update_type", nullable = false, updatable = false)
    private String type;

    @Column(name = "operation_reference", nullable = false, updatable = false)
    private String operationReference;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(nullable = false, updatable = false)
    private boolean applied;

    @Column(updatable = false)
    private String note;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected AppliedPaymentUpdate() {}

    public AppliedPaymentUpdate(
            String id,
            String paymentId,
            String type,
            String operationReference,
            long amountMinor,
            String source,
            boolean applied,
            String note,
            Instant receivedAt) {
        this.id = id;
        this.paymentId = paymentId;
        this.type = type;
        this.operationReference = operationReference;
        this.amountMinor = amountMinor;
        this.source = source;
        this.applied = applied;
        this.note = note == null || note.length() <= 300 ? note : note.substring(0, 290) + " […]";
        this.receivedAt = receivedAt;
    }

    public String paymentId() {
        return paymentId;
    }

    public String type() {
        return type;
    }

    public String operationReference() {
        return operationReference;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String source() {
        return source;
    }

    public boolean applied() {
        return applied;
    }

    public String note() {
        return note;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
