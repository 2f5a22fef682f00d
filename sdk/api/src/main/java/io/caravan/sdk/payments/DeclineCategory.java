package io.caravan.sdk.payments;

/**
 * Why a provider declined, as far as retrying is concerned.
 */
public enum DeclineCategory {
    /** May succeed later or elsewhere (insufficient funds, do not honour, issuer unavailable): the platform may fail over. */
    SOFT,
    /** Will not succeed with these details (stolen card, closed account, invalid number): fail over, but the shopper must change method to retry here. */
    HARD,
    /** Blocked as fraud by the provider's risk checks: the platform does not retry the same details anywhere. */
    FRAUD
}
