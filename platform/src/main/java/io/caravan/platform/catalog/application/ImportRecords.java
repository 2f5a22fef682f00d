package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.CatalogImport;
import io.caravan.platform.catalog.domain.Warehouse;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The import's own short transactions: its record (progress, outcome) and what validation reads. */
@ApplicationScoped
public class ImportRecords {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    /** What the store has, as the validation of an import needs it (ids only, no entities). */
    public record Existing(
            Map<String, String> productIdBySkuLower,
            Map<String, String> skuCaseByLower,
            Map<String, String> handleByProductId,
            Map<String, Warehouse> warehouses) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CatalogImport start(String storeId, String actor) {
        CatalogImport record = new CatalogImport(actor, clock.instant());
        persistence.forStore(storeId).persist(record);
        return record;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(String storeId, String importId, long read, long valid) {
        find(persistence.forStore(storeId), importId).progress(read, valid);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CatalogImport failed(
            String storeId, String importId, long read, long valid, long total, List<CatalogImport.RowError> errors) {
        CatalogImport record = find(persistence.forStore(storeId), importId);
        record.failed(read, valid, total, errors, clock.instant());
        return record;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CatalogImport succeeded(String storeId, String importId, long read, long products, long variants) {
        CatalogImport record = find(persistence.forStore(storeId), importId);
        record.succeeded(read, products, variants, clock.instant());
        return record;
    }

    @Transactional
    public CatalogImport get(String storeId, String importId) {
        return find(persistence.forStore(storeId), importId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Existing existing(String storeId) {
        EntityManager em = persistence.forStore(storeId);
        Map<String, String> productBySku = new HashMap<>();
        Map<String, String> skuCase = new HashMap<>();
        for (Object[] row : em.createQuery("select v.sku, v.productId from Variant v", Object[].class)
                .getResultList()) {
            String sku = (String) row[0];
            productBySku.put(sku.toLowerCase(Locale.ROOT), (String) row[1]);
            skuCase.put(sku.toLowerCase(Locale.ROOT), sku);
        }
        Map<String, String> handles = new HashMap<>();
        for (Object[] row : em.createQuery("select p.id, p.handle from Product p", Object[].class)
                .getResultList()) {
            handles.put((String) row[0], (String) row[1]);
        }
        Map<String, Warehouse> warehouses = new HashMap<>();
        Warehouses.all(em).forEach(w -> warehouses.put(w.code(), w));
        return new Existing(productBySku, skuCase, handles, warehouses);
    }

    private static CatalogImport find(EntityManager em, String importId) {
        CatalogImport record = importId == null ? null : em.find(CatalogImport.class, importId);
        if (record == null) {
            throw new NotFoundException("No import " + importId + " in this store.");
        }
        return record;
    }
}
