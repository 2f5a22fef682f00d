package io.caravan.sdk.model;

/**
 * The fulfilment facet of an order: how far its goods are on the way. Shipping events arrive with
 * the fulfilment contracts (issue #14). New states may be added in a minor version.
 */
public enum FulfilmentStatus {
    /** Not released to a warehouse yet. */
    UNFULFILLED,
    /** Held until the shopper confirms (cash-on-delivery sign-off): not released before. */
    AWAITING_CONFIRMATION,
    /** Released to the warehouses; nothing has left yet. */
    RELEASED,
    /** Some consignments have left the warehouse. */
    PARTIALLY_SHIPPED,
    /** Every consignment has left the warehouse. */
    SHIPPED,
    /** Some consignments have been delivered. */
    PARTIALLY_DELIVERED,
    /** Everything has been delivered. */
    DELIVERED
}
