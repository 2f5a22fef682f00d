package io.caravan.platform.billing.domain;

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
 * One line of a store's charges ledger. Immutable once written; the period makes billing runs
 * idempotent (one charge per store, plugin, kind and period start). Amounts in minor units.
 */
@Entity
@Table(name = "store_charges")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class StoreCharge {
    /** The period start of one-time charges (there is one per store and plugin). */
    public static final Instant ONCE = Instant.EPOCH;

    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "plugin_id", nullable = false, updatable = false)
    private String pluginId;

    @Column(name = "listing_id", nullable = false, updatable = false)
    private String listingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ChargeKind kind;

    @Column(name = "period_start", nullable = false, updatable = false)
    private Instant periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private Instant periodEnd;

    @Column(nullable = false, updatable = false)
    private long quantity;

    @Column(name = "unit_price_minor", nullable = false, updatable = false)
    private long unitPriceMinor;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StoreCharge() {}

    public StoreCharge(
            String pluginId,
            String listingId,
            ChargeKind kind,
            Instant periodStart,
            Instant periodEnd,
            long quantity,
            long unitPriceMinor,
            String currency,
            String description,
            Instant now) {
        if (quantity <= 0 || unitPriceMinor <= 0) {
            throw new IllegalArgumentException("a charge needs a positive quantity and unit price");
        }
        this.id = UUID.randomUUID().toString();
        this.pluginId = pluginId;
        this.listingId = listingId;
        this.kind = kind;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.quantity = quantity;
        this.unitPriceMinor = unitPriceMinor;
        this.amountMinor = Math.multiplyExact(quantity, unitPriceMinor);
        this.currency = currency;
        this.description = description;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String pluginId() {
        return pluginId;
    }

    public String listingId() {
        return listingId;
    }

    public ChargeKind kind() {
        return kind;
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    public long quantity() {
        return quantity;
    }

    public long unitPriceMinor() {
        return unitPriceMinor;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
