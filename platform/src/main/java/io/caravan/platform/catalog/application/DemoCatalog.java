package io.caravan.platform.catalog.application;

import io.caravan.platform.catalog.application.ProductInput.DimensionsInput;
import io.caravan.platform.catalog.application.ProductInput.VariantInput;
import io.caravan.platform.catalog.application.WarehouseInput.AddressInput;
import io.caravan.platform.catalog.application.WarehouseInput.MoneyInput;
import io.caravan.platform.catalog.domain.Warehouse;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import io.caravan.platform.tenancy.application.StoreAccess;
import io.caravan.platform.tenancy.application.StoreContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A small catalogue for each demo store of {@code ./caravan run}: Lisbon Ceramics ships mugs and
 * plates from Lisbon (local), Rotterdam (overseas, for the EU) and Shenzhen (an Asia hub); Osaka Tea
 * House ships tea from Osaka and a Los Angeles partner. Each warehouse and product is created only
 * when the store lacks it (by code, by handle), and stock only with its product, so every start
 * after the first changes nothing and a merchant's edits are kept.
 */
@ApplicationScoped
public class DemoCatalog {
    private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());

    @Inject
    @ConfigProperty(name = "caravan.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    StoreAccess stores;

    @Inject
    Warehouses warehouses;

    @Inject
    Products products;

    @Inject
    Stock stock;

    /** Warehouses, products, and the units on hand per SKU and warehouse code. */
    record DemoStore(
            List<WarehouseInput> warehouses, List<ProductInput> products, Map<String, Map<String, Long>> stock) {}

    static final Map<String, DemoStore> CATALOGUES = Map.of(
            "lisbon-ceramics",
            new DemoStore(
                    List.of(
                            warehouse(
                                    "lisbon",
                                    "Lisbon workshop",
                                    "Rua da Madalena 120",
                                    "Lisboa",
                                    "1100-340",
                                    "PT",
                                    "LOCAL",
                                    1,
                                    400,
                                    1,
                                    List.of()),
                            warehouse(
                                    "rotterdam",
                                    "Rotterdam fulfilment",
                                    "Waalhaven Oostzijde 1",
                                    "Rotterdam",
                                    "3087 BM",
                                    "NL",
                                    "OVERSEAS",
                                    2,
                                    300,
                                    2,
                                    List.of("NL", "BE", "DE", "FR", "IT", "ES", "IE")),
                            warehouse(
                                    "shenzhen",
                                    "Shenzhen hub",
                                    "Yantian Port Logistics Park 8",
                                    "Shenzhen",
                                    "518081",
                                    "CN",
                                    "ORIGIN_HUB",
                                    6,
                                    500,
                                    3,
                                    List.of())),
                    List.of(
                            product(
                                    "azulejo-mug",
                                    "Azulejo mug",
                                    "Hand-painted stoneware mug, 350 ml.",
                                    List.of("mugs", "tableware"),
                                    "691200",
                                    variant("LC-MUG-BLUE", "Colour", "Blue", 1800, 2000, 420),
                                    variant("LC-MUG-GREEN", "Colour", "Green", 1800, 2000, 420)),
                            product(
                                    "dinner-plate",
                                    "Dinner plate",
                                    "Glazed earthenware plate.",
                                    List.of("plates", "tableware"),
                                    "691200",
                                    variant("LC-PLATE-21", "Diameter", "21 cm", 2400, 2600, 650),
                                    variant("LC-PLATE-27", "Diameter", "27 cm", 3200, 3500, 900))),
                    Map.of(
                            "LC-MUG-BLUE", Map.of("lisbon", 12L, "rotterdam", 40L, "shenzhen", 200L),
                            "LC-MUG-GREEN", Map.of("lisbon", 8L, "shenzhen", 150L),
                            "LC-PLATE-21", Map.of("lisbon", 20L, "rotterdam", 15L),
                            "LC-PLATE-27", Map.of("lisbon", 6L))),
            "osaka-tea",
            new DemoStore(
                    List.of(
                            warehouse(
                                    "osaka",
                                    "Osaka tea house",
                                    "2-5-1 Namba, Chuo-ku",
                                    "Osaka",
                                    "542-0076",
                                    "JP",
                                    "LOCAL",
                                    2,
                                    600,
                                    1,
                                    List.of()),
                            warehouse(
                                    "los-angeles",
                                    "Los Angeles partner",
                                    "2000 E Carson St",
                                    "Carson",
                                    "90810",
                                    "US",
                                    "THIRD_PARTY",
                                    2,
                                    350,
                                    2,
                                    List.of("US", "CA"))),
                    List.of(
                            product(
                                    "sencha",
                                    "Sencha",
                                    "First-flush green tea from Shizuoka.",
                                    List.of("green-tea"),
                                    "090210",
                                    variant("OT-SENCHA-100", "Weight", "100 g", 1400, 1400, 130)),
                            product(
                                    "matcha",
                                    "Ceremonial matcha",
                                    "Stone-ground matcha from Uji.",
                                    List.of("green-tea", "matcha"),
                                    "090210",
                                    variant("OT-MATCHA-30", "Weight", "30 g", 2600, 2600, 60))),
                    Map.of(
                            "OT-SENCHA-100", Map.of("osaka", 80L, "los-angeles", 30L),
                            "OT-MATCHA-30", Map.of("osaka", 25L))));

    void seed(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 30) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (!enabled) {
            return;
        }
        CATALOGUES.forEach((slug, catalogue) -> {
            Optional<StoreContext> store = stores.asPlatform(slug);
            if (store.isEmpty()) {
                LOG.warning("Demo store " + slug + " is not onboarded; its catalogue is added on a later start");
                return;
            }
            try {
                seed(store.get().storeId(), catalogue);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Demo store " + slug + ": catalogue not complete: " + e.getMessage());
            }
        });
    }

    private void seed(String storeId, DemoStore catalogue) {
        List<String> codes =
                warehouses.list(storeId).stream().map(Warehouse::code).toList();
        for (WarehouseInput w : catalogue.warehouses()) {
            if (!codes.contains(w.code())) {
                warehouses.create(storeId, w);
            }
        }
        for (ProductInput demo : catalogue.products()) {
            boolean present = products
                    .list(
                            storeId,
                            new ProductFilter(demo.handle(), null, null),
                            new io.caravan.platform.shared.domain.PageRequest(0, 50))
                    .items()
                    .stream()
                    .anyMatch(p -> p.product().handle().equals(demo.handle()));
            if (present) {
                continue;
            }
            products.create(storeId, demo);
            for (VariantInput v : demo.variants()) {
                Map<String, Long> levels = catalogue.stock().getOrDefault(v.sku(), Map.of());
                levels.forEach((warehouse, units) -> {
                    try {
                        stock.set(storeId, warehouse, v.sku(), 0, units);
                    } catch (NotFoundException e) {
                        LOG.warning("Demo stock of " + v.sku() + " in " + warehouse + " not set: " + e.getMessage());
                    }
                });
            }
        }
        LOG.info(() -> "Demo catalogue present for store " + storeId);
    }

    private static WarehouseInput warehouse(
            String code,
            String name,
            String line1,
            String city,
            String postalCode,
            String country,
            String kind,
            int handlingDays,
            long costPerItemUsdCents,
            int priority,
            List<String> serves) {
        return new WarehouseInput(
                code,
                name,
                new AddressInput(line1, null, city, postalCode, null, country),
                kind,
                handlingDays,
                new MoneyInput(costPerItemUsdCents, "USD"),
                priority,
                serves,
                true);
    }

    private static ProductInput product(
            String handle,
            String title,
            String description,
            List<String> categories,
            String hsCode,
            VariantInput... variants) {
        List<VariantInput> withCustoms = java.util.Arrays.stream(variants)
                .map(v -> new VariantInput(
                        v.sku(),
                        v.options(),
                        v.prices(),
                        v.weightGrams(),
                        v.dimensions(),
                        hsCode,
                        handle.equals("sencha") || handle.equals("matcha") ? "JP" : "PT",
                        handle.contains("mug") || handle.contains("plate")
                                ? List.of("FRAGILE")
                                : List.of("PERISHABLE")))
                .toList();
        return new ProductInput(handle, title, description, categories, "ACTIVE", "STANDARD", withCustoms);
    }

    private static VariantInput variant(
            String sku, String option, String value, long eurCents, long usdCents, long weightGrams) {
        Map<String, Long> prices = new LinkedHashMap<>();
        prices.put("EUR", eurCents);
        prices.put("USD", usdCents);
        return new VariantInput(
                sku,
                Map.of(option, value),
                prices,
                weightGrams,
                new DimensionsInput(120L, 120L, 110L),
                null,
                null,
                List.of());
    }
}
