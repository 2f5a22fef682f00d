package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.AllocationPlan;
import io.caravan.platform.catalog.domain.AllocationPlanner;
import io.caravan.platform.catalog.domain.AllocationRule;
import io.caravan.platform.catalog.domain.InsufficientStockException;
import io.caravan.platform.catalog.domain.InvalidCatalogInputException;
import io.caravan.platform.catalog.domain.Requested;
import io.caravan.platform.catalog.domain.StockLevel;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.platform.catalog.domain.Warehouse;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.sdk.model.CountryCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which warehouses ship an order's lines to a destination, by a rule (the store's, from
 * {@link AllocationSettings}, unless the caller names one). Reads stock without locking: the plan
 * is a proposal, {@link StockReservations#reserve} is what claims the units (and refuses when a
 * concurrent order took them in between; the caller then plans again).
 */
@ApplicationScoped
public class StockAllocator {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    AllocationSettings settings;

    /**
     * @throws InsufficientStockException naming each unknown SKU and each SKU with too few units
     *     available in the active warehouses serving {@code destination}
     */
    @Transactional
    public AllocationPlan allocate(
            String storeId, List<Requested> requested, CountryCode destination, AllocationRule rule) {
        Violations violations = new Violations();
        if (requested == null || requested.isEmpty()) {
            violations.add("lines", "needs at least one line");
        } else {
            for (int i = 0; i < requested.size(); i++) {
                Requested r = requested.get(i);
                if (r == null || r.sku() == null || r.sku().isBlank()) {
                    violations.add("lines[" + i + "].sku", "is required");
                } else if (r.quantity() <= 0) {
                    violations.add("lines[" + i + "].quantity", "must be at least 1");
                }
            }
        }
        if (destination == null) {
            violations.add("destination", "is required");
        }
        violations.throwIfAny();
        AllocationRule effective = rule != null ? rule : settings.rule(storeId);
        EntityManager em = persistence.forStore(storeId);
        Map<String, Variant> variants = new HashMap<>();
        CatalogReads.variantsBySku(
                        em, requested.stream().map(Requested::sku).distinct().toList())
                .forEach(v -> variants.put(v.sku(), v));
        List<String> unknown = requested.stream()
                .map(Requested::sku)
                .distinct()
                .filter(sku -> !variants.containsKey(sku))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InsufficientStockException(unknown, List.of());
        }
        Map<String, String> skuByVariant = new HashMap<>();
        variants.values().forEach(v -> skuByVariant.put(v.id(), v.sku()));
        List<Warehouse> serving = Warehouses.all(em).stream()
                .filter(Warehouse::active)
                .filter(w -> w.serves(destination.code()))
                .toList();
        Map<String, Map<String, Long>> availableByWarehouse = new HashMap<>();
        serving.forEach(w -> availableByWarehouse.put(w.id(), new HashMap<>()));
        for (List<String> chunk : CatalogReads.chunks(skuByVariant.keySet())) {
            for (StockLevel s : em.createQuery("select s from StockLevel s where s.variantId in :ids", StockLevel.class)
                    .setParameter("ids", chunk)
                    .getResultList()) {
                Map<String, Long> available = availableByWarehouse.get(s.warehouseId());
                if (available != null && s.available() > 0) {
                    available.put(skuByVariant.get(s.variantId()), s.available());
                }
            }
        }
        List<AllocationPlanner.Candidate> candidates = new ArrayList<>();
        for (Warehouse w : serving) {
            candidates.add(new AllocationPlanner.Candidate(
                    w.code(),
                    w.name(),
                    w.kind(),
                    w.country(),
                    w.handlingDays(),
                    w.costPerItemMinor(),
                    w.costCurrency(),
                    w.priority(),
                    availableByWarehouse.get(w.id())));
        }
        try {
            return AllocationPlanner.plan(requested, destination.code(), effective, candidates);
        } catch (ArithmeticException e) {
            throw InvalidCatalogInputException.of("lines", "quantities overflow");
        }
    }
}
