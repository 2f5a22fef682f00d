package io.caravan.platform.catalog.domain;

/**
 * How a store's order lines are allocated to warehouses. Whatever the rule, one warehouse for the
 * whole order is preferred, and a split uses as few warehouses as possible; the rule decides
 * between the candidates that are left.
 */
public enum AllocationRule {
    /** The warehouse with the lowest priority number first (the merchant's fixed order). */
    PRIORITY,
    /** The lowest total fulfilment cost (cost per item × items). */
    CHEAPEST,
    /** The fewest handling days; overseas and local warehouses before a hub when equal. */
    FASTEST
}
