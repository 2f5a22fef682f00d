package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.CatalogRules;
import io.caravan.platform.catalog.domain.PreconditionFailedException;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.platform.catalog.domain.Warehouse;
import io.caravan.platform.catalog.domain.WarehouseDetails;
import io.caravan.platform.catalog.domain.WarehouseKind;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The store's warehouses. All of a store's warehouses state their fulfilment cost in one currency,
 * so the CHEAPEST rule compares amounts of the same unit (no hidden conversion).
 */
@ApplicationScoped
public class Warehouses {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    @Transactional
    public List<Warehouse> list(String storeId) {
        return all(persistence.forStore(storeId));
    }

    @Transactional
    public Warehouse get(String storeId, String code) {
        return find(persistence.forStore(storeId), code);
    }

    @Transactional
    public Warehouse create(String storeId, WarehouseInput input) {
        WarehouseDetails details = validate(input, null);
        EntityManager em = persistence.forStore(storeId);
        if (byCode(em, details.code()).isPresent()) {
            throw new StateConflictException("The store already has a warehouse " + details.code() + ".");
        }
        requireOneCostCurrency(em, details, null);
        Warehouse warehouse = new Warehouse(details, clock.instant());
        em.persist(warehouse);
        em.flush();
        return warehouse;
    }

    @Transactional
    public Warehouse update(String storeId, String code, long expectedVersion, WarehouseInput input) {
        EntityManager em = persistence.forStore(storeId);
        Warehouse warehouse = find(em, code);
        if (warehouse.version() != expectedVersion) {
            throw new PreconditionFailedException("Warehouse " + code, warehouse.version());
        }
        WarehouseDetails details = validate(input, warehouse.code());
        requireOneCostCurrency(em, details, warehouse.id());
        warehouse.apply(details);
        em.flush();
        return warehouse;
    }

    static List<Warehouse> all(EntityManager em) {
        return em.createQuery("select w from Warehouse w order by w.priority, w.code", Warehouse.class)
                .getResultList();
    }

    static Optional<Warehouse> byCode(EntityManager em, String code) {
        return em.createQuery("select w from Warehouse w where w.code = :code", Warehouse.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    static Warehouse find(EntityManager em, String code) {
        return byCode(em, code).orElseThrow(() -> new NotFoundException("No warehouse " + code + " in this store."));
    }

    private static void requireOneCostCurrency(EntityManager em, WarehouseDetails details, String exceptId) {
        all(em).stream()
                .filter(w -> !w.id().equals(exceptId))
                .filter(w -> !w.costCurrency().equals(details.costCurrency()))
                .findFirst()
                .ifPresent(other -> {
                    throw io.caravan.platform.catalog.domain.InvalidCatalogInputException.of(
                            "fulfilmentCostPerItem.currency",
                            "must be " + other.costCurrency() + " like the store's other warehouses (" + other.code()
                                    + "), so that costs compare without conversion");
                });
    }

    /** Every bad field named; {@code fixedCode} is the code of the warehouse being replaced. */
    static WarehouseDetails validate(WarehouseInput input, String fixedCode) {
        Violations v = new Violations();
        String code = input.code() == null && fixedCode != null ? fixedCode : input.code();
        if (ProductValidation.blank(code)) {
            v.add("code", "is required");
        } else if (code.length() > CatalogRules.WAREHOUSE_CODE_MAX
                || !CatalogRules.WAREHOUSE_CODE.matcher(code).matches()) {
            v.add(
                    "code",
                    "must be lower-case letters, digits, - and _, at most " + CatalogRules.WAREHOUSE_CODE_MAX
                            + " characters (it names the CSV column stock_<code>)");
        } else if (fixedCode != null && !fixedCode.equals(code)) {
            v.add("code", "cannot change (stock and imports name the warehouse by it); it is " + fixedCode);
        }
        String name = ProductValidation.trimmed(input.name());
        if (name == null || name.length() > 120) {
            v.add("name", "is required, at most 120 characters");
        }
        WarehouseInput.AddressInput a = input.address();
        if (a == null) {
            v.add("address", "is required (line1, city, country)");
        } else {
            text(v, "address.line1", a.line1(), 200, true);
            text(v, "address.line2", a.line2(), 200, false);
            text(v, "address.city", a.city(), 100, true);
            text(v, "address.postalCode", a.postalCode(), 20, false);
            text(v, "address.region", a.region(), 100, false);
            if (CatalogRules.countryProblem(a.country()) != null) {
                v.add("address.country", CatalogRules.countryProblem(a.country()));
            }
        }
        WarehouseKind kind =
                input.kind() == null ? null : ProductValidation.parse(WarehouseKind.class, input.kind(), "kind", v);
        if (input.kind() == null) {
            v.add("kind", "is required: ORIGIN_HUB, OVERSEAS, LOCAL or THIRD_PARTY");
        }
        Integer handling = input.handlingDays();
        if (handling == null || handling < 0 || handling > CatalogRules.HANDLING_DAYS_MAX) {
            v.add("handlingDays", "is required, between 0 and " + CatalogRules.HANDLING_DAYS_MAX);
        }
        WarehouseInput.MoneyInput cost = input.fulfilmentCostPerItem();
        if (cost == null) {
            v.add("fulfilmentCostPerItem", "is required (amountMinor and currency; 0 when there is none)");
        } else {
            if (CatalogRules.currencyProblem(cost.currency()) != null) {
                v.add("fulfilmentCostPerItem.currency", CatalogRules.currencyProblem(cost.currency()));
            }
            if (cost.amountMinor() == null || cost.amountMinor() < 0 || cost.amountMinor() > 100_000_000L) {
                v.add("fulfilmentCostPerItem.amountMinor", "is required, between 0 and 100000000 minor units");
            }
        }
        Integer priority = input.priority();
        if (priority != null && (priority < 0 || priority > 1_000_000)) {
            v.add("priority", "must be between 0 and 1000000 (lower ships first under the PRIORITY rule)");
        }
        Set<String> served = new TreeSet<>();
        List<String> servedInput = input.servesCountries() == null ? List.of() : input.servesCountries();
        for (int i = 0; i < servedInput.size(); i++) {
            String country = servedInput.get(i);
            if (CatalogRules.countryProblem(country) != null) {
                v.add("servesCountries[" + i + "]", CatalogRules.countryProblem(country));
            } else {
                served.add(country);
            }
        }
        v.throwIfAny();
        return new WarehouseDetails(
                code,
                name,
                a.line1().trim(),
                ProductValidation.trimmed(a.line2()),
                a.city().trim(),
                ProductValidation.trimmed(a.postalCode()),
                ProductValidation.trimmed(a.region()),
                a.country(),
                kind,
                handling,
                cost.amountMinor(),
                cost.currency(),
                priority == null ? 100 : priority,
                served,
                input.active() == null || input.active());
    }

    private static void text(Violations v, String field, String value, int max, boolean required) {
        String t = ProductValidation.trimmed(value);
        if (t == null && required) {
            v.add(field, "is required");
        } else if (t != null && t.length() > max) {
            v.add(field, "must be at most " + max + " characters");
        }
    }
}
