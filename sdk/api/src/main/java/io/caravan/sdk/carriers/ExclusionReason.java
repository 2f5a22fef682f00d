package io.caravan.sdk.carriers;

/**
 * Why a consignment (or one service for it) cannot be shipped. New reasons may be added in a minor version.
 */
public enum ExclusionReason {
    /** The carrier does not serve the destination (from this warehouse, or with this service). */
    NO_SERVICE_TO_DESTINATION,
    /** Heavier than the service takes. */
    OVER_WEIGHT_LIMIT,
    /** Larger than the service takes. */
    OVER_SIZE_LIMIT,
    /** Worth more than the service insures or customs allows. */
    OVER_VALUE_LIMIT,
    /** Goods the service does not carry (dangerous goods by air, perishables on a slow service). */
    GOODS_NOT_ACCEPTED,
    /** Another reason; the message says which. */
    OTHER
}
