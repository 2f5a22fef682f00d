package io.caravan.platform.billing.domain;

/** What a charge is for. */
public enum ChargeKind {
    /** The one-time price, at installation. */
    ONE_TIME,
    /** One month of a subscription. */
    SUBSCRIPTION,
    /** A month of usage: calls the plugin answered for the store, counted by the platform. */
    USAGE
}
