package io.caravan.platform.catalog.application;

/** The stock of a SKU in a warehouse, for the merchant: version 0 means never set (nothing on hand). */
public record StockRow(String sku, String warehouse, long onHand, long reserved, long available, long version) {}
