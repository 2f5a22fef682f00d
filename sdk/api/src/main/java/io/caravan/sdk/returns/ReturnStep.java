package io.caravan.sdk.returns;

/**
 * A step of a return case that has a due date. The platform computes each due date from the store's
 * service levels (the defaults in brackets), times it, and flags an overdue step to the merchant;
 * plugins read the due dates, they do not keep timers. New steps may be added in a minor version.
 */
public enum ReturnStep {
    /** The store's first answer to the shopper (a store setting; 24 hours by default). */
    FIRST_RESPONSE,
    /** The decision whether the return is eligible and authorised (3 business days). */
    ELIGIBILITY,
    /** The shopper sends the goods: the authorisation's {@code returnBy}. */
    SHOPPER_SHIPMENT,
    /** A cross-border return clears customs (48 hours from its arrival in the country). */
    CUSTOMS,
    /** The goods are inspected (72 hours from receipt). */
    INSPECTION,
    /** The money goes back (3 business days from inspection; the law's own limit, such as the EU's 14 days from withdrawal, is never exceeded). */
    REFUND
}
