package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.Product;
import io.caravan.platform.catalog.domain.ProductStatus;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The catalogue as shoppers see it: active products only, each variant in stock or not (the
 * warehouses' figures stay the merchant's business).
 */
@ApplicationScoped
public class StorefrontCatalog {
    @Inject
    StoreScopedPersistence persistence;

    /** A product with, per variant id, whether any active warehouse has a unit available. */
    public record ShopperProduct(CatalogProduct product, Map<String, Boolean> inStock) {}

    @Transactional
    public Page<ShopperProduct> list(String storeId, String text, String category, PageRequest page) {
        EntityManager em = persistence.forStore(storeId);
        Page<CatalogProduct> products =
                CatalogReads.products(em, new ProductFilter(text, ProductStatus.ACTIVE, category), page);
        return new Page<>(withStock(em, products.items()), products.page(), products.size(), products.total());
    }

    @Transactional
    public ShopperProduct get(String storeId, String handle) {
        EntityManager em = persistence.forStore(storeId);
        Product product = em.createQuery(
                        "select p from Product p where p.handle = :handle and p.status = :active", Product.class)
                .setParameter("handle", handle)
                .setParameter("active", ProductStatus.ACTIVE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No product " + handle + " on sale in this store."));
        return withStock(em, CatalogReads.withVariants(em, List.of(product))).get(0);
    }

    private static List<ShopperProduct> withStock(EntityManager em, List<CatalogProduct> products) {
        Map<String, Long> available = CatalogReads.availableByVariant(
                em,
                products.stream()
                        .flatMap(p -> p.variants().stream())
                        .map(Variant::id)
                        .toList());
        return products.stream()
                .map(p -> new ShopperProduct(
                        p,
                        p.variants().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        Variant::id, v -> available.getOrDefault(v.id(), 0L) > 0))))
                .toList();
    }
}
