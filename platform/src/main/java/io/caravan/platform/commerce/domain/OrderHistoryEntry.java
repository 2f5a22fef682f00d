package io.caravan.platform.commerce.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One thing that happened to an order, numbered per order: the merchant's history of it. */
@Entity
@Table(name = "order_history")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class OrderHistoryEntry {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;

    @Column(name = "sequence_number", nullable = false, updatable = false)
    private long sequence;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String detail;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected OrderHistoryEntry() {}

    public OrderHistoryEntry(
            String id, String orderId, long sequence, String kind, String detail, String actor, Instant occurredAt) {
        this.id = id;
        this.orderId = orderId;
        this.sequence = sequence;
        this.kind = kind;
        this.detail = detail.length() > 2000 ? detail.substring(0, 1990) + " […]" : detail;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public long sequence() {
        return sequence;
    }

    public String kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
