package io.caravan.platform.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Units of one stock row held for a holder (a checkout or an order id). The units are counted in
 * the stock row's {@code reserved}; this line says who holds them and until when.
 */
@Entity
@Table(name = "catalog_reservations")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class StockReservation {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(nullable = false, updatable = false)
    private String holder;

    @Column(name = "stock_id", nullable = false, updatable = false)
    private String stockId;

    @Column(nullable = false, updatable = false)
    private String sku;

    @Column(nullable = false, updatable = false)
    private String warehouse;

    @Column(nullable = false)
    private long quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReservationStatus status;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StockReservation() {}

    public StockReservation(
            String holder,
            String stockId,
            String sku,
            String warehouse,
            long quantity,
            Instant expiresAt,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.holder = holder;
        this.stockId = stockId;
        this.sku = sku;
        this.warehouse = warehouse;
        this.quantity = quantity;
        this.status = ReservationStatus.HELD;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    /** More units of the same stock row for the same holder. */
    public void add(long units) {
        this.quantity = Math.addExact(quantity, units);
    }

    /** Fewer units (some shipped); the caller deletes the line at zero. */
    public void remove(long units) {
        if (units <= 0 || units > quantity) {
            throw new IllegalStateException("cannot take " + units + " of " + quantity + " reserved units");
        }
        this.quantity = quantity - units;
    }

    public void commit() {
        this.status = ReservationStatus.COMMITTED;
        this.expiresAt = null;
    }

    public void extend(Instant until) {
        if (status != ReservationStatus.HELD) {
            throw new IllegalStateException("a committed reservation has no expiry");
        }
        this.expiresAt = until;
    }

    public String id() {
        return id;
    }

    public String holder() {
        return holder;
    }

    public String stockId() {
        return stockId;
    }

    public String sku() {
        return sku;
    }

    public String warehouse() {
        return warehouse;
    }

    public long quantity() {
        return quantity;
    }

    public ReservationStatus status() {
        return status;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
