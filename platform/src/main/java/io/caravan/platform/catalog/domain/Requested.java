package io.caravan.platform.catalog.domain;

/** A quantity of a SKU an order asks for. */
public record Requested(String sku, long quantity) {}
