package io.caravan.sdk.returns;

/**
 * Why the shopper returns a line. New reasons may be added in a minor version.
 */
public enum ReturnReason {
    /** The shopper no longer wants it (statutory withdrawal where the law grants one). */
    CHANGED_MIND,
    /** Wrong size or fit. */
    WRONG_SIZE,
    /** Arrived damaged. */
    DAMAGED_IN_TRANSIT,
    /** Does not work. */
    DEFECTIVE,
    /** Not what was ordered. */
    WRONG_ITEM,
    /** Not as the listing described. */
    NOT_AS_DESCRIBED,
    /** Arrived too late to be of use. */
    ARRIVED_LATE,
    /** Anything else (the comment says). */
    OTHER
}
