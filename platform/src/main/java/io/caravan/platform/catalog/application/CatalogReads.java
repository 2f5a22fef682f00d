package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.Product;
import io.caravan.platform.catalog.domain.TextCodec;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The catalogue's shared queries, run on the store-bound EntityManager of the caller's transaction. */
final class CatalogReads {
    /** Parameters of an IN list per query, well under every database's limit. */
    static final int IN_CHUNK = 500;

    private CatalogReads() {}

    static Page<CatalogProduct> products(EntityManager em, ProductFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", filter.status());
        }
        if (filter.category() != null) {
            where.append(" and p.categories like :category escape '\\'");
            params.put(
                    "category",
                    "%"
                            + likeEscaped(TextCodec.strings(List.of(filter.category()))
                                    .substring(
                                            1,
                                            TextCodec.strings(List.of(filter.category()))
                                                            .length()
                                                    - 1))
                            + "%");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(p.handle) like :text escape '\\' or lower(p.title) like :text escape '\\'"
                    + " or exists (select v.id from Variant v where v.productId = p.id"
                    + " and lower(v.sku) like :text escape '\\'))");
            params.put("text", "%" + likeEscaped(filter.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        TypedQuery<Product> query =
                em.createQuery("select p from Product p" + where + " order by p.handle, p.id", Product.class);
        TypedQuery<Long> count = em.createQuery("select count(p) from Product p" + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Product> products =
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(withVariants(em, products), page.page(), page.size(), count.getSingleResult());
    }

    static List<CatalogProduct> withVariants(EntityManager em, List<Product> products) {
        Map<String, List<Variant>> byProduct = new LinkedHashMap<>();
        products.forEach(p -> byProduct.put(p.id(), new ArrayList<>()));
        for (List<String> ids : chunks(byProduct.keySet())) {
            em.createQuery(
                            "select v from Variant v where v.productId in :ids order by v.productId, v.sortOrder",
                            Variant.class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(v -> byProduct.get(v.productId()).add(v));
        }
        return products.stream()
                .map(p -> new CatalogProduct(p, byProduct.get(p.id())))
                .toList();
    }

    static List<Variant> variantsBySku(EntityManager em, Collection<String> skus) {
        List<Variant> found = new ArrayList<>();
        for (List<String> chunk : chunks(skus)) {
            found.addAll(em.createQuery("select v from Variant v where v.sku in :skus", Variant.class)
                    .setParameter("skus", chunk)
                    .getResultList());
        }
        return found;
    }

    /** Units available per variant, summed over the store's active warehouses. */
    static Map<String, Long> availableByVariant(EntityManager em, Collection<String> variantIds) {
        Map<String, Long> available = new HashMap<>();
        for (List<String> chunk : chunks(variantIds)) {
            for (Object[] row : em.createQuery(
                            "select s.variantId, sum(s.onHand - s.reserved) from StockLevel s, Warehouse w"
                                    + " where s.warehouseId = w.id and w.active = true and s.variantId in :ids"
                                    + " group by s.variantId",
                            Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList()) {
                available.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        return available;
    }

    static <T> List<List<T>> chunks(Collection<T> items) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
