package io.caravan.platform.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An order cannot be allocated or reserved: SKUs the store does not have, and SKUs with fewer
 * units available (in the warehouses serving the destination) than asked for, each named.
 */
public class InsufficientStockException extends RuntimeException {
    private final transient List<String> unknownSkus;
    private final transient List<Shortage> shortages;

    /** Fewer units of {@code sku} available than requested. */
    public record Shortage(String sku, long requested, long available) {}

    public InsufficientStockException(List<String> unknownSkus, List<Shortage> shortages) {
        super(describe(unknownSkus, shortages), null, false, false);
        this.unknownSkus = List.copyOf(unknownSkus);
        this.shortages = List.copyOf(shortages);
    }

    public List<String> unknownSkus() {
        return unknownSkus;
    }

    public List<Shortage> shortages() {
        return shortages;
    }

    private static String describe(List<String> unknown, List<Shortage> shortages) {
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) {
            parts.add("unknown SKU " + String.join(", ", unknown));
        }
        for (Shortage s : shortages) {
            parts.add(s.sku() + ": " + s.requested() + " requested, " + s.available() + " available");
        }
        return "Not enough stock: " + String.join("; ", parts) + ".";
    }
}
