package io.caravan.platform.marketplace.domain;

/** Whether a store's installation takes calls. */
public enum InstallationStatus {
    /** The plugin serves the store's calls. */
    ENABLED,
    /** Kept with its configuration, but the store's calls do not reach it. */
    DISABLED
}
