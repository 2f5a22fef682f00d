package io.caravan.platform.tenancy.infrastructure;

import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

@ApplicationScoped
public class JpaAuditLog implements AuditLog {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public void record(String storeId, AuditEntry entry) {
        persistence.forStore(storeId).persist(entry);
    }

    @Override
    public Page<AuditEntry> list(String storeId, PageRequest page) {
        EntityManager em = persistence.forStore(storeId);
        List<AuditEntry> items = em.createQuery(
                        "select a from AuditEntry a order by a.occurredAt desc, a.id", AuditEntry.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total =
                em.createQuery("select count(a) from AuditEntry a", Long.class).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
