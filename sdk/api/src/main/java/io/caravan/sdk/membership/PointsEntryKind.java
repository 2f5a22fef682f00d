package io.caravan.sdk.membership;

/**
 * The kind of an entry in the platform's reward ledger for points. Entries are never edited: a
 * correction is a new entry of the opposite sign.
 */
public enum PointsEntryKind {
    /** Points granted (an order, a review, a referral); pending until their {@code availableAt}. */
    GRANT,
    /** Points spent at checkout: held while the order's payment is open, committed when it succeeds. */
    REDEMPTION,
    /** Points that reached their {@code expiresAt} unspent. */
    EXPIRY,
    /** A compensating entry after a refund or cancellation: points taken back or given back. */
    REVERSAL
}
