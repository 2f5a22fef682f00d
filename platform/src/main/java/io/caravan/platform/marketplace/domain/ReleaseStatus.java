package io.caravan.platform.marketplace.domain;

/**
 * Where a release is in its life: uploaded versions are checked, then submitted, reviewed and
 * approved before any store may install them; a platform admin can pull (yank) an approved one.
 * First-party and development builds are registered as {@link #AVAILABLE} directly.
 */
public enum ReleaseStatus {
    /** Failed the automated checks on upload; never installable. */
    REJECTED,
    /** Passed the automated checks; the developer has not submitted it for review yet. */
    PASSED,
    /** Submitted; waiting in the platform admins' review queue. */
    IN_REVIEW,
    /** A platform admin declined it in review, with a reason; never installable. */
    DECLINED,
    /** Approved (or first-party): installable, and running where installed. */
    AVAILABLE,
    /** Yanked: not installable, and every store that ran it has been moved off it. */
    WITHDRAWN
}
