package io.caravan.sdk.tax;

/**
 * When a tax or duty is paid by the shopper.
 */
public enum CollectedAt {
    /** Collected at checkout and part of the order total; the seller remits it. */
    CHECKOUT,
    /** Paid by the shopper to the carrier or customs on delivery; shown as an estimate, not charged. */
    DELIVERY
}
