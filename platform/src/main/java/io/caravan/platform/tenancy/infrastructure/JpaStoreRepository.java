package io.caravan.platform.tenancy.infrastructure;

import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreRepository;
import io.caravan.platform.tenancy.domain.StoreSlug;
import io.caravan.platform.tenancy.domain.StoreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaStoreRepository implements StoreRepository {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public Optional<Store> findBySlug(StoreSlug slug) {
        return persistence
                .platform()
                .createQuery("select s from Store s where s.slug = :slug", Store.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Store store) {
        // The rows that follow in this transaction (owner membership, audit) belong to the new
        // store: bind it first, and write the store row before anything references it.
        EntityManager em = persistence.forStore(store.id());
        em.persist(store);
        em.flush();
    }

    @Override
    public Page<Store> search(StoreStatus status, String text, PageRequest page) {
        EntityManager em = persistence.platform();
        // Conditions are added only when used: PostgreSQL cannot type a bare "? is null".
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (status != null) {
            where.append(" and s.status = :status");
        }
        String pattern = null;
        if (text != null && !text.isBlank()) {
            pattern = "%"
                    + text.strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            where.append(" and (lower(s.slug) like :text escape '\\' or lower(s.name) like :text escape '\\'"
                    + " or lower(s.ownerEmail) like :text escape '\\')");
        }
        TypedQuery<Store> query = em.createQuery("select s from Store s" + where + " order by s.slug", Store.class);
        TypedQuery<Long> count = em.createQuery("select count(s) from Store s" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            if (status != null) {
                q.setParameter("status", status);
            }
            if (pattern != null) {
                q.setParameter("text", pattern);
            }
        }
        List<Store> items =
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }
}
