package io.caravan.sdk.model;

/**
 * The returns facet of an order. New states may be added in a minor version.
 */
public enum ReturnStatus {
    /** No return asked for. */
    NONE,
    /** The shopper asked to return lines; not authorised yet. */
    REQUESTED,
    /** A return is authorised and on its way back or being inspected. */
    IN_PROGRESS,
    /** Some of the order's units came back and were accepted. */
    PARTIALLY_RETURNED,
    /** Every unit came back and was accepted. */
    RETURNED
}
