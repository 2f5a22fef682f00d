package io.caravan.platform.catalog.api;

import io.caravan.platform.catalog.application.CatalogProduct;
import io.caravan.platform.catalog.application.StorefrontCatalog;
import io.caravan.platform.catalog.domain.CatalogImport;
import io.caravan.platform.catalog.domain.Product;
import io.caravan.platform.catalog.domain.Variant;
import io.caravan.platform.catalog.domain.Warehouse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the catalogue's endpoints answer. Money in minor units, weights in grams, sizes in millimetres. */
public final class CatalogViews {
    private CatalogViews() {}

    public record Dimensions(long lengthMm, long widthMm, long heightMm) {}

    public record VariantView(
            String id,
            String sku,
            Map<String, String> options,
            Map<String, Long> prices,
            long weightGrams,
            Dimensions dimensions,
            String hsCode,
            String originCountry,
            List<String> flags) {
        static VariantView of(Variant v) {
            return new VariantView(
                    v.id(),
                    v.sku(),
                    v.options(),
                    v.prices(),
                    v.weightGrams(),
                    new Dimensions(v.lengthMm(), v.widthMm(), v.heightMm()),
                    v.hsCode(),
                    v.originCountry(),
                    v.flags().stream().map(Enum::name).toList());
        }
    }

    public record ProductView(
            String id,
            String handle,
            String title,
            String description,
            List<String> categories,
            String status,
            String taxCategory,
            long version,
            Instant createdAt,
            Instant updatedAt,
            List<VariantView> variants) {
        static ProductView of(CatalogProduct cp) {
            Product p = cp.product();
            return new ProductView(
                    p.id(),
                    p.handle(),
                    p.title(),
                    p.description(),
                    p.categories(),
                    p.status().name(),
                    p.taxCategory().name(),
                    p.version(),
                    p.createdAt(),
                    p.updatedAt(),
                    cp.variants().stream().map(VariantView::of).toList());
        }
    }

    public record PageView<T>(List<T> items, int page, int size, long total) {}

    public record Address(String line1, String line2, String city, String postalCode, String region, String country) {}

    public record Money(long amountMinor, String currency) {}

    public record WarehouseView(
            String code,
            String name,
            Address address,
            String kind,
            int handlingDays,
            Money fulfilmentCostPerItem,
            int priority,
            List<String> servesCountries,
            boolean active,
            long version) {
        static WarehouseView of(Warehouse w) {
            return new WarehouseView(
                    w.code(),
                    w.name(),
                    new Address(w.addressLine1(), w.addressLine2(), w.city(), w.postalCode(), w.region(), w.country()),
                    w.kind().name(),
                    w.handlingDays(),
                    new Money(w.costPerItemMinor(), w.costCurrency()),
                    w.priority(),
                    List.copyOf(w.servesCountries()),
                    w.active(),
                    w.version());
        }
    }

    public record RowErrorView(long row, String column, String message) {}

    public record ImportView(
            String id,
            String status,
            long rowsRead,
            long rowsValid,
            long errorCount,
            List<RowErrorView> errors,
            long products,
            long variants,
            Instant createdAt,
            Instant finishedAt) {
        static ImportView of(CatalogImport i) {
            return new ImportView(
                    i.id(),
                    i.status().name(),
                    i.rowsRead(),
                    i.rowsValid(),
                    i.errorCount(),
                    i.errors().stream()
                            .map(e -> new RowErrorView(e.row(), e.column(), e.message()))
                            .toList(),
                    i.products(),
                    i.variants(),
                    i.createdAt(),
                    i.finishedAt());
        }
    }

    /** A variant as shoppers see it: in stock or not, never the warehouses' figures. */
    public record ShopperVariant(
            String id,
            String sku,
            Map<String, String> options,
            Map<String, Long> prices,
            long weightGrams,
            Dimensions dimensions,
            List<String> flags,
            boolean inStock) {}

    public record ShopperProduct(
            String id,
            String handle,
            String title,
            String description,
            List<String> categories,
            String taxCategory,
            List<ShopperVariant> variants) {
        static ShopperProduct of(StorefrontCatalog.ShopperProduct sp) {
            Product p = sp.product().product();
            return new ShopperProduct(
                    p.id(),
                    p.handle(),
                    p.title(),
                    p.description(),
                    p.categories(),
                    p.taxCategory().name(),
                    sp.product().variants().stream()
                            .map(v -> new ShopperVariant(
                                    v.id(),
                                    v.sku(),
                                    v.options(),
                                    v.prices(),
                                    v.weightGrams(),
                                    new Dimensions(v.lengthMm(), v.widthMm(), v.heightMm()),
                                    v.flags().stream().map(Enum::name).toList(),
                                    sp.inStock().getOrDefault(v.id(), false)))
                            .toList());
        }
    }
}
