package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.AllocationRule;
import io.caravan.platform.catalog.domain.CatalogSettings;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** The store's allocation rule (PRIORITY until the merchant chooses). */
@ApplicationScoped
public class AllocationSettings {
    @Inject
    StoreScopedPersistence persistence;

    @jakarta.transaction.Transactional
    public AllocationRule rule(String storeId) {
        return find(persistence.forStore(storeId))
                .map(CatalogSettings::allocationRule)
                .orElse(CatalogSettings.DEFAULT_RULE);
    }

    @jakarta.transaction.Transactional
    public AllocationRule setRule(String storeId, String rule) {
        Violations violations = new Violations();
        AllocationRule parsed =
                rule == null ? null : ProductValidation.parse(AllocationRule.class, rule, "allocationRule", violations);
        if (rule == null) {
            violations.add("allocationRule", "is required: PRIORITY, CHEAPEST or FASTEST");
        }
        violations.throwIfAny();
        EntityManager em = persistence.forStore(storeId);
        Optional<CatalogSettings> settings = find(em);
        if (settings.isPresent()) {
            settings.get().allocationRule(parsed);
        } else {
            em.persist(new CatalogSettings(parsed));
        }
        em.flush();
        return parsed;
    }

    private static Optional<CatalogSettings> find(EntityManager em) {
        return em.createQuery("select s from CatalogSettings s", CatalogSettings.class)
                .getResultStream()
                .findFirst();
    }
}
