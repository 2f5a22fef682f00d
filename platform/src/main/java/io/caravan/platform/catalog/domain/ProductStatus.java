package io.caravan.platform.catalog.domain;

/** Whether a product is on sale: only {@link #ACTIVE} products are sellable and shown to shoppers. */
public enum ProductStatus {
    /** On sale. */
    ACTIVE,
    /** Being prepared; invisible to shoppers. */
    DRAFT,
    /** No longer sold; kept because orders name its SKUs. */
    ARCHIVED
}
