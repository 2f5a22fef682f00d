package io.caravan.platform.marketplace.domain;

/** Whether stores may run a release. */
public enum ReleaseStatus {
    /** Installable and running where installed. */
    AVAILABLE,
    /** Taken out of service: not installable, and no store runs it any more. */
    WITHDRAWN
}
