package io.caravan.sdk.carriers;

/**
 * The format the store prints labels in (its printer decides). Carriers that cannot produce the
 * format asked throw {@link io.caravan.sdk.plugin.PluginRejectedException}
 * ({@code "label_format_unsupported"}) rather than answer another.
 */
public enum LabelFormat {
    /** PDF, one label per A6 page (105 × 148 mm, the size of a 4 × 6 inch thermal label). */
    PDF_A6("application/pdf"),
    /** PDF, a label on an A4 page, for office printers. */
    PDF_A4("application/pdf"),
    /** Zebra Programming Language for thermal printers, 4 × 6 inch at 203 dpi. */
    ZPL("application/zpl");

    private final String contentType;

    LabelFormat(String contentType) {
        this.contentType = contentType;
    }

    /**
     * The media type of a label in this format, what {@link ShippingDocument#contentType()} of a
     * {@link DocumentKind#LABEL} must be.
     *
     * @return {@code "application/pdf"} or {@code "application/zpl"}
     */
    public String contentType() {
        return contentType;
    }
}
