package io.caravan.platform.marketplace.domain;

/** How a plugin is charged to a store. */
public enum PricingModel {
    /** No charge. */
    FREE,
    /** Charged once, at installation. */
    ONE_TIME,
    /** Charged every month, after the trial days. */
    SUBSCRIPTION,
    /** Charged per order the plugin handled, counted by the platform's invoker. */
    USAGE
}
