package io.caravan.sdk.affiliate;

/** The kind of an entry in the platform's reward ledger for commissions. Entries are never edited. */
public enum CommissionEntryKind {
    /** Earned on an order, pending until approvable. */
    ACCRUAL,
    /** Approved after the order's return window: payable. */
    APPROVAL,
    /** Paid out to the affiliate (a statement line). */
    PAYOUT,
    /** Taken back after a refund: a compensating entry, negative. */
    REVERSAL
}
