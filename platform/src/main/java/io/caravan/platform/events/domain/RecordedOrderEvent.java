package io.caravan.platform.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An order event as the outbox stored it, in the transaction of the order change it describes.
 * The payload is the SDK event serialised by the sandbox protocol's JSON mapper; what a listener
 * receives is read back from exactly these characters.
 */
@Entity
@Table(name = "order_events")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class RecordedOrderEvent {
    /** The payload's limit in characters (the column's size). */
    public static final int MAX_PAYLOAD = 1_000_000;

    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private long sequence;

    @Column(name = "schema_version", nullable = false, updatable = false)
    private int schemaVersion;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String type;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected RecordedOrderEvent() {}

    public RecordedOrderEvent(OrderEventHeader header, String payload, Instant recordedAt) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("order event " + header.eventId() + " is " + payload.length()
                    + " characters as JSON; the outbox keeps at most " + MAX_PAYLOAD);
        }
        this.id = header.eventId();
        this.orderId = header.orderId();
        this.sequence = header.sequence();
        this.schemaVersion = header.schemaVersion();
        this.type = header.type();
        this.occurredAt = header.occurredAt();
        this.payload = payload;
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
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

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
