package io.caravan.sdk.carriers;

/**
 * What a shipping document is. New kinds may be added in a minor version.
 */
public enum DocumentKind {
    /** The shipping label of one parcel, with its barcode: what the carrier scans. */
    LABEL,
    /** The UPU CN22 customs declaration (postal items up to 300 SDR of value). */
    CN22,
    /** The UPU CN23 customs declaration (postal items above CN22's limit), with the postage. */
    CN23,
    /** The commercial invoice customs need for courier shipments. */
    COMMERCIAL_INVOICE
}
