package io.caravan.sdk.carriers;

/**
 * The category of a customs declaration, as the CN22/CN23 forms and commercial invoices name it.
 * New categories may be added in a minor version.
 */
public enum CustomsContentType {
    /** Goods sold to the recipient (every {@link ShipmentPurpose#SALE} of a store). */
    SALE_OF_GOODS,
    /** Goods the recipient sent back, not a new import (every {@link ShipmentPurpose#RETURN} that crosses a border). */
    RETURNED_GOODS,
    /** A gift (no sale). */
    GIFT,
    /** A commercial sample. */
    COMMERCIAL_SAMPLE,
    /** Documents only. */
    DOCUMENTS,
    /** Anything else; the items' descriptions say what. */
    OTHER
}
