package io.caravan.sdk.plugin;

/**
 * The six kinds of plugin the marketplace lists. A plugin declares one or more; each
 * {@link ExtensionPoint} belongs to one kind, except the order event listener and the health check,
 * which any plugin may provide. New kinds may be added in a minor version.
 */
public enum PluginKind {
    /** Taxes and duties for a cart ({@code io.caravan.sdk.tax}). */
    TAX,
    /** Payment methods, authorization, capture, void, refund, provider notifications ({@code io.caravan.sdk.payments}). */
    PAYMENTS,
    /** Shipping rates, shipments and labels, tracking ({@code io.caravan.sdk.carriers}). */
    CARRIERS,
    /** Loyalty tiers, points, checkout discounts ({@code io.caravan.sdk.membership}). */
    MEMBERSHIP,
    /** KOL / KOC referral attribution and commissions ({@code io.caravan.sdk.affiliate}). */
    AFFILIATE,
    /** Return eligibility, authorization and refund computation ({@code io.caravan.sdk.returns}). */
    RETURNS
}
