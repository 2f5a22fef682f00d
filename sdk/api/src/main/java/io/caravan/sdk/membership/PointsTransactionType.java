package io.caravan.sdk.membership;

/**
 * The kind of a points ledger entry.
 */
public enum PointsTransactionType {
    /** Points earned. */
    ACCRUAL,
    /** Points spent. */
    REDEMPTION,
    /** Points taken back or given back after a refund or cancellation. */
    REVERSAL
}
