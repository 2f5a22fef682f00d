package io.caravan.sdk.affiliate;

/**
 * How a shopper met a referral.
 */
public enum TouchpointType {
    /** Arrived through a referral link (the code was in the URL). */
    LINK,
    /** Typed a referral code at checkout. */
    CODE
}
