package io.caravan.sdk.payments;

/**
 * What a provider can do with a payment of a given method, and what it needs before
 * authorising it. The platform asks only for what the method declares (a store that captures on
 * shipment needs {@link #SEPARATE_CAPTURE}; a cancelled order is voided only with {@link #VOID},
 * refunded otherwise; a session is opened only with {@link #CLIENT_SESSION}). New capabilities may
 * be added in a minor version.
 */
public enum PaymentCapability {
    /** Authorise now, capture later (on shipment). Without it the method captures at once. */
    SEPARATE_CAPTURE,
    /** Capture less than the authorised amount (part of an order shipped, or out of stock). */
    PARTIAL_CAPTURE,
    /** Capture an authorisation in several parts (one per consignment). */
    MULTIPLE_CAPTURES,
    /** Release an authorisation that will not be captured. */
    VOID,
    /** Give back a captured amount. */
    REFUND,
    /** Give back part of a captured amount (a returned line). */
    PARTIAL_REFUND,
    /**
     * The shopper's details are collected by the provider's client component, which needs a
     * provider session first: the platform opens one through {@code PAYMENT_SESSIONS} when an
     * order is placed without a payment token, hands its client data to the storefront, and
     * authorises with the session id once the storefront sends the component's token. A plugin
     * that declares it must provide {@link PaymentSessionStarter}.
     */
    CLIENT_SESSION
}
