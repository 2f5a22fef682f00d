package io.caravan.platform.catalog.domain;

import java.util.List;

/**
 * What one warehouse ships of an order: its lines, the warehouse's handling days and kind, the
 * fulfilment cost of those items (cost per item × items, in minor units of {@code costCurrency}),
 * and why the allocator chose it.
 */
public record Consignment(
        String warehouse,
        String warehouseName,
        WarehouseKind kind,
        String country,
        int handlingDays,
        List<Line> lines,
        long fulfilmentCostMinor,
        String costCurrency,
        String reason) {
    public Consignment {
        lines = List.copyOf(lines);
    }

    /** Units of a SKU in this consignment. */
    public record Line(String sku, long quantity) {}

    public long items() {
        return lines.stream().mapToLong(Line::quantity).reduce(0, Math::addExact);
    }
}
