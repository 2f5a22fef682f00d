package io.caravan.platform.tenancy.domain;

/** Lifecycle of a store. A suspended store keeps its data but its merchants and storefront are refused. */
public enum StoreStatus {
    ACTIVE,
    SUSPENDED
}
