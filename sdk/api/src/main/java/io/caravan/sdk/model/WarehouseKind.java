package io.caravan.sdk.model;

/**
 * What kind of place a warehouse is, which decides transit times and customs. New kinds may be
 * added in a minor version.
 */
public enum WarehouseKind {
    /** A hub in the country of manufacture or sourcing (a Shenzhen hub): long transit, customs at the destination. */
    ORIGIN_HUB,
    /** A warehouse in the destination region (an EU warehouse for EU shoppers): short transit, no customs in the region. */
    OVERSEAS,
    /** The store's own local stock in its home country. */
    LOCAL,
    /** A third-party logistics provider's or dropshipper's warehouse. */
    THIRD_PARTY
}
