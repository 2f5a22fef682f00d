package io.caravan.sdk.carriers;

/**
 * A step of a parcel's journey, customs included. New steps may be added in a minor version.
 */
public enum TrackingEventType {
    /** The label exists; the carrier does not have the parcel yet. */
    LABEL_CREATED,
    /** The carrier has the parcel. */
    PICKED_UP,
    /** Moving between facilities. */
    IN_TRANSIT,
    /** Export clearance in the origin country. */
    EXPORT_CUSTOMS,
    /** Arrived in the destination country, awaiting import clearance. */
    ARRIVED_IN_DESTINATION_COUNTRY,
    /** Held by import customs (documents, duties due, inspection). */
    CUSTOMS_HELD,
    /** Released by import customs. */
    CUSTOMS_CLEARED,
    /** With the courier for delivery today. */
    OUT_FOR_DELIVERY,
    /** Waiting at a pickup point or locker. */
    AT_PICKUP_POINT,
    /** Delivered. */
    DELIVERED,
    /** A delivery attempt failed (nobody home, refused, duties unpaid). */
    DELIVERY_FAILED,
    /** On its way back to the sender, or back there (a refused or undeliverable parcel, a COD refusal). */
    RETURNED_TO_SENDER,
    /** Lost, damaged, or another problem the carrier reports. */
    EXCEPTION
}
