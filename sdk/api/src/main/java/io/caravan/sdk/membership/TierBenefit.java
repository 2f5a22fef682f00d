package io.caravan.sdk.membership;

/**
 * A tier benefit the platform itself applies, beyond what the programme's points and discounts do.
 * New benefits may be added in a minor version; the platform ignores ones it does not know.
 */
public enum TierBenefit {
    /** The member's orders go first in the fulfilment queue. */
    PRIORITY_DISPATCH,
    /** The store's standard shipping is free for the member. */
    FREE_STANDARD_SHIPPING,
    /** The member's returns ship back at the store's cost. */
    FREE_RETURN_SHIPPING
}
