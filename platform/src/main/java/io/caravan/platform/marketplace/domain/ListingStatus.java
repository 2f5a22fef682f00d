package io.caravan.platform.marketplace.domain;

/** Whether stores can find and install a listing. */
public enum ListingStatus {
    /** Listed: approved versions are installable. */
    ACTIVE,
    /** Suspended by a platform admin: no new installs; existing installations keep running. */
    SUSPENDED
}
