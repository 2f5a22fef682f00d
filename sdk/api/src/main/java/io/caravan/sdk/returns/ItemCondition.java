package io.caravan.sdk.returns;

/**
 * The state returned goods arrived in, as inspected.
 */
public enum ItemCondition {
    /** Unused, labels and packaging complete. */
    AS_NEW,
    /** Packaging opened, goods unused. */
    OPENED,
    /** Used or worn beyond trying on. */
    USED,
    /** Damaged after delivery. */
    DAMAGED,
    /** Faulty as delivered. */
    DEFECTIVE
}
