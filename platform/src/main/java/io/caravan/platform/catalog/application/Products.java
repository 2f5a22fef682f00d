package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.PreconditionFailedException;
import io.caravan.platform.catalog.domain.Product;
import io.caravan.platform.catalog.domain.StockLevel;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.catalog.domain.VariantDetails;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The merchant's products: list, read, create, replace (against the version the merchant read)
 * and archive. Every write validates the whole product first and writes nothing when a field is
 * bad; handles and SKUs are unique per store (case-insensitively for SKUs).
 */
@ApplicationScoped
public class Products {
    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    @Transactional
    public Page<CatalogProduct> list(String storeId, ProductFilter filter, PageRequest page) {
        return CatalogReads.products(persistence.forStore(storeId), filter, page);
    }

    @Transactional
    public CatalogProduct get(String storeId, String productId) {
        EntityManager em = persistence.forStore(storeId);
        return CatalogReads.withVariants(em, List.of(find(em, productId))).get(0);
    }

    @Transactional
    public CatalogProduct create(String storeId, ProductInput input) {
        Violations violations = new Violations();
        ValidProduct valid = ProductValidation.validate(input, violations);
        violations.throwIfAny();
        EntityManager em = persistence.forStore(storeId);
        requireFree(em, valid, null);
        Instant now = clock.instant();
        Product product = new Product(valid.product(), now);
        em.persist(product);
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < valid.variants().size(); i++) {
            Variant variant = new Variant(product.id(), i, valid.variants().get(i));
            em.persist(variant);
            variants.add(variant);
        }
        em.flush();
        return new CatalogProduct(product, variants);
    }

    /**
     * Replaces the product and its variants. Variants are matched by SKU: a new SKU is added, a
     * SKU no longer listed is removed — refused (409) while it has units on hand or reserved.
     *
     * @throws PreconditionFailedException when {@code expectedVersion} is not the current version
     */
    @Transactional
    public CatalogProduct update(String storeId, String productId, long expectedVersion, ProductInput input) {
        EntityManager em = persistence.forStore(storeId);
        Product product = find(em, productId);
        if (product.version() != expectedVersion) {
            throw new PreconditionFailedException("Product " + product.handle(), product.version());
        }
        Violations violations = new Violations();
        ValidProduct valid = ProductValidation.validate(input, violations);
        violations.throwIfAny();
        requireFree(em, valid, product.id());
        Instant now = clock.instant();
        List<Variant> existing =
                CatalogReads.withVariants(em, List.of(product)).get(0).variants();
        Map<String, Variant> bySku = new HashMap<>();
        existing.forEach(v -> bySku.put(v.sku().toLowerCase(Locale.ROOT), v));
        List<Variant> kept = new ArrayList<>();
        for (int i = 0; i < valid.variants().size(); i++) {
            VariantDetails details = valid.variants().get(i);
            Variant variant = bySku.remove(details.sku().toLowerCase(Locale.ROOT));
            if (variant == null) {
                variant = new Variant(product.id(), i, details);
                em.persist(variant);
            } else {
                variant.apply(i, details);
            }
            kept.add(variant);
        }
        for (Variant removed : bySku.values()) {
            List<StockLevel> stock = em.createQuery(
                            "select s from StockLevel s where s.variantId = :variant", StockLevel.class)
                    .setParameter("variant", removed.id())
                    .getResultList();
            if (stock.stream().anyMatch(s -> s.onHand() > 0 || s.reserved() > 0)) {
                throw new StateConflictException("SKU " + removed.sku()
                        + " still has stock on hand or reserved; set its stock to 0 (or archive the product)"
                        + " before removing the variant. Nothing was changed.");
            }
            stock.forEach(em::remove);
            em.remove(removed);
        }
        product.apply(valid.product(), now);
        product.touch(now);
        em.flush();
        return new CatalogProduct(product, kept);
    }

    /** Takes the product off sale for good (its SKUs stay known: orders name them). Idempotent. */
    @Transactional
    public CatalogProduct archive(String storeId, String productId) {
        EntityManager em = persistence.forStore(storeId);
        Product product = find(em, productId);
        if (product.status() != io.caravan.platform.catalog.domain.ProductStatus.ARCHIVED) {
            product.archive(clock.instant());
            em.flush();
        }
        return CatalogReads.withVariants(em, List.of(product)).get(0);
    }

    static Product find(EntityManager em, String productId) {
        Product product = productId == null ? null : em.find(Product.class, productId);
        if (product == null) {
            throw new NotFoundException("No product " + productId + " in this store.");
        }
        return product;
    }

    /** A handle or SKU another product of the store has is a conflict, named. */
    static void requireFree(EntityManager em, ValidProduct valid, String productId) {
        List<String> taken = new ArrayList<>();
        em.createQuery("select p from Product p where p.handle = :handle", Product.class)
                .setParameter("handle", valid.product().handle())
                .getResultStream()
                .filter(p -> !p.id().equals(productId))
                .findFirst()
                .ifPresent(p -> taken.add("handle " + p.handle() + " is used by product " + p.id()));
        List<String> skus = valid.variants().stream()
                .map(v -> v.sku().toLowerCase(Locale.ROOT))
                .toList();
        for (List<String> chunk : CatalogReads.chunks(skus)) {
            em
                    .createQuery("select v from Variant v where lower(v.sku) in :skus", Variant.class)
                    .setParameter("skus", chunk)
                    .getResultList()
                    .stream()
                    .filter(v -> !v.productId().equals(productId))
                    .forEach(v -> taken.add("SKU " + v.sku() + " is used by product " + v.productId()));
        }
        if (!taken.isEmpty()) {
            throw new StateConflictException(String.join("; ", taken) + ". Nothing was changed.");
        }
    }
}
