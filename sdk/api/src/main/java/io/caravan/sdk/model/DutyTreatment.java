package io.caravan.sdk.model;

/**
 * Who pays import charges on a cross-border order, per the store's configuration (the Incoterm).
 * In {@code model} because tax plugins (which charges are due at checkout) and carrier plugins
 * (whether the carrier must collect on delivery) both need it.
 */
public enum DutyTreatment {
    /**
     * Delivered Duty Paid: the seller pays import charges, so the shopper sees the full price at
     * checkout and pays nothing on delivery. Every charge of a tax quote is
     * {@link io.caravan.sdk.tax.CollectedAt#CHECKOUT}.
     */
    DDP,
    /**
     * Delivered At Place: the shopper pays import charges on delivery. Charges a regime requires at
     * checkout (EU IOSS VAT, UK VAT on goods up to GBP 135) are still
     * {@link io.caravan.sdk.tax.CollectedAt#CHECKOUT}; the rest are
     * {@link io.caravan.sdk.tax.CollectedAt#DELIVERY}.
     */
    DAP
}
