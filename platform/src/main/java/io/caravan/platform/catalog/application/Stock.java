package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.CatalogRules;
import io.caravan.platform.catalog.domain.InvalidCatalogInputException;
import io.caravan.platform.catalog.domain.PreconditionFailedException;
import io.caravan.platform.catalog.domain.StockLevel;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.catalog.domain.Warehouse;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The merchant's stock levels: read, set the units on hand (against the version read), or adjust
 * them by a delta (goods in, breakage). Never below what is reserved, never past the maximum. The
 * row is locked for the change, so a reservation in flight and a merchant's change serialise.
 */
@ApplicationScoped
public class Stock {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    /** Stock rows, optionally of one SKU and/or one warehouse, ordered by SKU then warehouse. */
    @Transactional
    public List<StockRow> list(String storeId, String sku, String warehouse, int offset, int limit) {
        EntityManager em = persistence.forStore(storeId);
        StringBuilder jpql = new StringBuilder("select s, v.sku, w.code from StockLevel s, Variant v, Warehouse w"
                + " where s.variantId = v.id and s.warehouseId = w.id");
        if (sku != null) {
            jpql.append(" and v.sku = :sku");
        }
        if (warehouse != null) {
            jpql.append(" and w.code = :warehouse");
        }
        jpql.append(" order by v.sku, w.priority, w.code");
        var query = em.createQuery(jpql.toString(), Object[].class);
        if (sku != null) {
            query.setParameter("sku", sku);
        }
        if (warehouse != null) {
            query.setParameter("warehouse", warehouse);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(row -> row((StockLevel) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    @Transactional
    public StockRow get(String storeId, String warehouseCode, String sku) {
        EntityManager em = persistence.forStore(storeId);
        Warehouse warehouse = Warehouses.find(em, warehouseCode);
        Variant variant = variant(em, sku);
        return level(em, variant, warehouse, false)
                .map(s -> row(s, variant.sku(), warehouse.code()))
                .orElse(new StockRow(variant.sku(), warehouse.code(), 0, 0, 0, 0));
    }

    /**
     * Sets the units on hand.
     *
     * @param expectedVersion the version read; 0 for a level never set
     */
    @Transactional
    public StockRow set(String storeId, String warehouseCode, String sku, long expectedVersion, Long onHand) {
        if (onHand == null) {
            throw InvalidCatalogInputException.of(
                    "onHand", "is required: the units on hand, 0 to " + CatalogRules.STOCK_MAX);
        }
        EntityManager em = persistence.forStore(storeId);
        Warehouse warehouse = Warehouses.find(em, warehouseCode);
        Variant variant = variant(em, sku);
        StockLevel level = level(em, variant, warehouse, true).orElse(null);
        long current = level == null ? 0 : level.version();
        if (current != expectedVersion) {
            throw new PreconditionFailedException("The stock of " + sku + " in " + warehouseCode, current);
        }
        if (level == null) {
            level = new StockLevel(variant.id(), warehouse.id(), clock.instant());
            level.setOnHand(onHand, clock.instant());
            em.persist(level);
        } else {
            level.setOnHand(onHand, clock.instant());
        }
        em.flush();
        return row(level, variant.sku(), warehouse.code());
    }

    /** Adds {@code delta} (negative: removes) to the units on hand. */
    @Transactional
    public StockRow adjust(String storeId, String warehouseCode, String sku, Long delta) {
        if (delta == null || delta == 0) {
            throw InvalidCatalogInputException.of("delta", "is required: a non-zero number of units to add or remove");
        }
        EntityManager em = persistence.forStore(storeId);
        Warehouse warehouse = Warehouses.find(em, warehouseCode);
        Variant variant = variant(em, sku);
        StockLevel level = level(em, variant, warehouse, true).orElse(null);
        if (level == null) {
            level = new StockLevel(variant.id(), warehouse.id(), clock.instant());
            level.adjust(delta, clock.instant());
            em.persist(level);
        } else {
            level.adjust(delta, clock.instant());
        }
        em.flush();
        return row(level, variant.sku(), warehouse.code());
    }

    static Variant variant(EntityManager em, String sku) {
        return em.createQuery("select v from Variant v where v.sku = :sku", Variant.class)
                .setParameter("sku", sku)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No SKU " + sku + " in this store."));
    }

    static Optional<StockLevel> level(EntityManager em, Variant variant, Warehouse warehouse, boolean lock) {
        var query = em.createQuery(
                        "select s from StockLevel s where s.variantId = :variant and s.warehouseId = :warehouse",
                        StockLevel.class)
                .setParameter("variant", variant.id())
                .setParameter("warehouse", warehouse.id());
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    static StockRow row(StockLevel s, String sku, String warehouse) {
        return new StockRow(sku, warehouse, s.onHand(), s.reserved(), s.available(), s.version());
    }
}
