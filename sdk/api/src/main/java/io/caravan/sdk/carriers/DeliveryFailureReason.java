package io.caravan.sdk.carriers;

/**
 * Why a delivery attempt failed, on a {@link TrackingEventType#DELIVERY_FAILED} event. New reasons
 * may be added in a minor version.
 */
public enum DeliveryFailureReason {
    /** Nobody was there to receive it. */
    NOBODY_HOME,
    /** The recipient refused the parcel. */
    REFUSED,
    /** The recipient did not pay the cash-on-delivery amount. */
    COD_NOT_PAID,
    /** The recipient did not pay the import charges due on delivery (DAP). */
    DUTIES_NOT_PAID,
    /** The address is wrong, incomplete or unreachable. */
    ADDRESS_PROBLEM,
    /** Another reason; the event's description says which. */
    OTHER
}
