package io.caravan.sdk.carriers;

/**
 * The outcome of a cancellation at the carrier.
 */
public enum CancellationStatus {
    /** The booking is void: no pickup, no charge (or the charge is credited), the labels are dead. */
    CANCELLED,
    /** Definitely not cancelled: the carrier has the parcel already (picked up, scanned) or its cut-off passed. */
    TOO_LATE,
    /** The plugin cannot tell whether the carrier cancelled (a timeout, a lost answer): the platform asks again with the same key. */
    UNKNOWN
}
