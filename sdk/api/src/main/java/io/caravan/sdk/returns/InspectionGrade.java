package io.caravan.sdk.returns;

/**
 * What happens to a returned unit after inspection: only restocked units go back to stock.
 */
public enum InspectionGrade {
    /** Sellable as new: back to stock. */
    RESTOCK,
    /** Sellable after repair or repacking: not back to stock yet. */
    REFURBISH,
    /** Not sellable: written off. */
    SCRAP
}
