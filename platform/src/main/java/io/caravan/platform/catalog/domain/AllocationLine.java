package io.caravan.platform.catalog.domain;

/** Units of a SKU to take from one warehouse (by its code): a line of a plan, or of a reservation. */
public record AllocationLine(String warehouse, String sku, long quantity) {}
