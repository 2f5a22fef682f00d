package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * A printable document of a booked shipment: a parcel's label, a customs form, the commercial
 * invoice. The platform stores the content and serves its own copy to the merchant; it never
 * depends on the carrier keeping a download link alive.
 *
 * @param kind        what the document is
 * @param parcelIndex the parcel it belongs to, as an index into the request's parcels; required
 *                    for a {@link DocumentKind#LABEL}, null for a document of the whole shipment
 *                    (a commercial invoice); not negative
 * @param contentType the media type: {@code "application/pdf"}, {@code "application/zpl"},
 *                    {@code "image/png"}; a label's is the requested {@link LabelFormat}'s
 * @param content     the document; not empty, at most 5 MiB; the record holds its own copy and
 *                    returns a copy
 * @param url         where the carrier keeps the document, for the merchant's reference, or null;
 *                    an absolute {@code https} URI of at most 2000 characters
 */
public record ShippingDocument(DocumentKind kind, Integer parcelIndex, String contentType, byte[] content, URI url) {

    /** The largest document accepted, in bytes (5 MiB): a label is tens of kilobytes. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid, or a label has no parcel; the
     *                                  message names the field
     */
    public ShippingDocument {
        Checks.required(kind, "ShippingDocument.kind");
        if (parcelIndex != null) {
            Checks.nonNegative(parcelIndex, "ShippingDocument.parcelIndex");
        } else if (kind == DocumentKind.LABEL) {
            throw new IllegalArgumentException("ShippingDocument.parcelIndex is required for a LABEL");
        }
        Checks.matches(
                contentType,
                "ShippingDocument.contentType",
                "[a-z0-9.+-]+/[a-z0-9.+-]+",
                "a media type such as application/pdf");
        content = Checks.required(content, "ShippingDocument.content").clone();
        if (content.length == 0) {
            throw new IllegalArgumentException("ShippingDocument.content must not be empty");
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "ShippingDocument.content must be at most " + MAX_BYTES + " bytes, was " + content.length);
        }
        Shipment.https(url, "ShippingDocument.url");
    }

    /**
     * A parcel's label.
     *
     * @param parcelIndex the parcel's index in the request
     * @param format      the format it was produced in
     * @param content     the label
     * @return the document
     */
    public static ShippingDocument label(int parcelIndex, LabelFormat format, byte[] content) {
        Checks.required(format, "ShippingDocument.format");
        return new ShippingDocument(DocumentKind.LABEL, parcelIndex, format.contentType(), content, null);
    }

    /**
     * The document bytes.
     *
     * @return a copy of the content
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * Equal when every component is, contents compared by bytes.
     *
     * @param other another object
     * @return whether the two are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ShippingDocument d
                && kind == d.kind
                && Objects.equals(parcelIndex, d.parcelIndex)
                && contentType.equals(d.contentType)
                && Arrays.equals(content, d.content)
                && Objects.equals(url, d.url);
    }

    /**
     * A hash of every component, the content by bytes.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(kind, parcelIndex, contentType, Arrays.hashCode(content), url);
    }

    /**
     * Kind, parcel, type and size only.
     *
     * @return e.g. {@code ShippingDocument[LABEL, parcel 0, application/pdf, 34012 bytes]}
     */
    @Override
    public String toString() {
        return "ShippingDocument[" + kind + ", " + (parcelIndex == null ? "shipment" : "parcel " + parcelIndex) + ", "
                + contentType + ", " + content.length + " bytes]";
    }
}
