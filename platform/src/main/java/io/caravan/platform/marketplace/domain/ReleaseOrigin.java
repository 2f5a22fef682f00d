package io.caravan.platform.marketplace.domain;

/** Where a release came from. */
public enum ReleaseOrigin {
    /** Built with the platform and shipped inside it. */
    FIRST_PARTY,
    /** Picked up from the development plugin folder (dev mode only). */
    DEVELOPMENT,
    /** Uploaded by a plugin developer through the marketplace. */
    UPLOADED
}
