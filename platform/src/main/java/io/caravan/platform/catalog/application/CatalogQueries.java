package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.domain.Product;
import io.caravan.platform.catalog.domain.ProductStatus;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The catalogue as the checkout reads it: the platform prices lines from here, never from the client. */
@ApplicationScoped
public class CatalogQueries {
    @Inject
    StoreScopedPersistence persistence;

    /** For each SKU, whether it is sellable and what it sells as; unknown and inactive SKUs apart. */
    @Transactional
    public SellableSkus sellable(String storeId, Collection<String> skus) {
        EntityManager em = persistence.forStore(storeId);
        LinkedHashSet<String> asked = new LinkedHashSet<>(skus);
        List<Variant> variants = CatalogReads.variantsBySku(em, asked);
        Map<String, Product> products = new HashMap<>();
        for (List<String> chunk : CatalogReads.chunks(
                variants.stream().map(Variant::productId).distinct().toList())) {
            em.createQuery("select p from Product p where p.id in :ids", Product.class)
                    .setParameter("ids", chunk)
                    .getResultList()
                    .forEach(p -> products.put(p.id(), p));
        }
        Map<String, Sellable> sellable = new HashMap<>();
        Map<String, Sellable> inactive = new HashMap<>();
        for (Variant v : variants) {
            Sellable s = of(products.get(v.productId()), v);
            (s.status() == ProductStatus.ACTIVE ? sellable : inactive).put(v.sku(), s);
        }
        List<String> unknown = new ArrayList<>();
        asked.stream()
                .filter(sku -> !sellable.containsKey(sku) && !inactive.containsKey(sku))
                .forEach(unknown::add);
        return new SellableSkus(sellable, inactive, unknown);
    }

    static Sellable of(Product p, Variant v) {
        String title = v.options().isEmpty()
                ? p.title()
                : p.title() + " — " + String.join(" / ", v.options().values());
        return new Sellable(
                v.sku(),
                p.id(),
                v.id(),
                p.handle(),
                title,
                v.options(),
                v.prices(),
                v.weightGrams(),
                v.lengthMm(),
                v.widthMm(),
                v.heightMm(),
                v.hsCode(),
                v.originCountry(),
                p.taxCategory(),
                v.flags(),
                p.categories(),
                p.status());
    }
}
