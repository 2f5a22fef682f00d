package io.caravan.platform.catalog.domain;

/** Where a warehouse stands in a cross-border store's supply chain. */
public enum WarehouseKind {
    /** A hub at the origin (e.g. Shenzhen): cheap, slow to the destination (5–7 days). */
    ORIGIN_HUB,
    /** A warehouse in the destination region (e.g. Rotterdam for the EU): 2–3 days. */
    OVERSEAS,
    /** The merchant's own premises. */
    LOCAL,
    /** A fulfilment partner's warehouse. */
    THIRD_PARTY;

    /**
     * The tie-break of the FASTEST rule between warehouses with equal handling days: stock already
     * in the destination region (overseas, local) ships before a partner's, and a hub last.
     */
    public int nearness() {
        return switch (this) {
            case OVERSEAS, LOCAL -> 0;
            case THIRD_PARTY -> 1;
            case ORIGIN_HUB -> 2;
        };
    }
}
