package io.caravan.sdk.tax;

/**
 * Who pays import charges on a cross-border order, per the store's configuration (the Incoterm).
 */
public enum DutyTreatment {
    /**
     * Delivered Duty Paid: the seller pays import charges, so the shopper sees the full price at
     * checkout and pays nothing on delivery. Every charge of the quote is {@link CollectedAt#CHECKOUT}.
     */
    DDP,
    /**
     * Delivered At Place: the shopper pays import charges on delivery. Charges a regime requires at
     * checkout (EU IOSS VAT, UK VAT on goods up to GBP 135) are still {@link CollectedAt#CHECKOUT};
     * the rest are {@link CollectedAt#DELIVERY}.
     */
    DAP
}
