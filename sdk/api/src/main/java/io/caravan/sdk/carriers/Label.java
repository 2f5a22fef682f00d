package io.caravan.sdk.carriers;

import io.caravan.sdk.internal.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * A printable document for one parcel: the shipping label, or a customs form.
 *
 * @param parcelIndex the parcel it belongs to, as an index into the request's parcels; not negative
 * @param mediaType   the format, e.g. {@code "application/pdf"}, {@code "image/png"}, {@code "application/zpl"}
 * @param content     the document; not empty; the record holds its own copy and returns a copy
 */
public record Label(int parcelIndex, String mediaType, byte[] content) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if a component is invalid; the message names it
     */
    public Label {
        Checks.nonNegative(parcelIndex, "Label.parcelIndex");
        Checks.matches(
                mediaType, "Label.mediaType", "[a-z0-9.+-]+/[a-z0-9.+-]+", "a media type such as application/pdf");
        content = Checks.required(content, "Label.content").clone();
        if (content.length == 0) {
            throw new IllegalArgumentException("Label.content must not be empty");
        }
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
        return other instanceof Label l
                && parcelIndex == l.parcelIndex
                && mediaType.equals(l.mediaType)
                && Arrays.equals(content, l.content);
    }

    /**
     * A hash of every component, the content by bytes.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(parcelIndex, mediaType, Arrays.hashCode(content));
    }

    /**
     * Index, type and size only.
     *
     * @return e.g. {@code Label[0, application/pdf, 34012 bytes]}
     */
    @Override
    public String toString() {
        return "Label[" + parcelIndex + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
