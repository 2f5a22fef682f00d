package io.caravan.platform.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * The stock of one variant in one warehouse: units on hand, units reserved by checkouts and
 * orders, and what is left to sell ({@link #available()}). Invariant: 0 ≤ reserved ≤ on hand ≤
 * {@link CatalogRules#STOCK_MAX}; every change checks it and overflows nothing.
 */
@Entity
@Table(name = "catalog_stock")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "store_id", contextProperty = "eclipselink.tenant-id")
public class StockLevel {
    @Id
    private String id;

    @Column(name = "store_id", insertable = false, updatable = false)
    private String storeId;

    @Column(name = "variant_id", nullable = false, updatable = false)
    private String variantId;

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private String warehouseId;

    @Column(name = "on_hand", nullable = false)
    private long onHand;

    @Column(nullable = false)
    private long reserved;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected StockLevel() {}

    public StockLevel(String variantId, String warehouseId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.variantId = variantId;
        this.warehouseId = warehouseId;
        this.updatedAt = now;
    }

    /** Sets the units on hand; refused below what is reserved or above the maximum. */
    public void setOnHand(long units, Instant now) {
        if (units < 0 || units > CatalogRules.STOCK_MAX) {
            throw InvalidCatalogInputException.of("onHand", "must be between 0 and " + CatalogRules.STOCK_MAX);
        }
        if (units < reserved) {
            throw InvalidCatalogInputException.of(
                    "onHand", "must not be below the " + reserved + " units reserved by checkouts and orders");
        }
        this.onHand = units;
        this.updatedAt = now;
    }

    /** Adds {@code delta} (negative removes) to the units on hand, within the same limits. */
    public void adjust(long delta, Instant now) {
        long units;
        try {
            units = Math.addExact(onHand, delta);
        } catch (ArithmeticException e) {
            throw InvalidCatalogInputException.of("delta", "overflows the stock level");
        }
        if (units < 0 || units > CatalogRules.STOCK_MAX) {
            throw InvalidCatalogInputException.of(
                    "delta",
                    "would make the units on hand " + units + "; they must stay between 0 and "
                            + CatalogRules.STOCK_MAX);
        }
        if (units < reserved) {
            throw InvalidCatalogInputException.of(
                    "delta", "would leave " + units + " units on hand, below the " + reserved + " reserved");
        }
        this.onHand = units;
        this.updatedAt = now;
    }

    /** Reserves units; false (and nothing changed) when fewer are available. */
    public boolean tryReserve(long units, Instant now) {
        if (units <= 0) {
            throw new IllegalArgumentException("reserve a positive number of units");
        }
        if (available() < units) {
            return false;
        }
        this.reserved = reserved + units;
        this.updatedAt = now;
        return true;
    }

    /** Gives reserved units back to the available stock. */
    public void unreserve(long units, Instant now) {
        if (units <= 0 || units > reserved) {
            throw new IllegalStateException("cannot release " + units + " of " + reserved + " reserved units");
        }
        this.reserved = reserved - units;
        this.updatedAt = now;
    }

    /** Reserved units left the warehouse: on hand and reserved both go down. */
    public void ship(long units, Instant now) {
        if (units <= 0 || units > reserved) {
            throw new IllegalStateException("cannot ship " + units + " of " + reserved + " reserved units");
        }
        this.reserved = reserved - units;
        this.onHand = onHand - units;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String variantId() {
        return variantId;
    }

    public String warehouseId() {
        return warehouseId;
    }

    public long onHand() {
        return onHand;
    }

    public long reserved() {
        return reserved;
    }

    public long available() {
        return onHand - reserved;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
