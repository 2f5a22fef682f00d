package io.caravan.platform.tenancy.domain;

import java.time.Instant;

/**
 * Who is onboarding which slug right now, kept in the database so that every node sees it. An
 * onboarding holds its slug's claim from before its first identity call until the store is
 * registered or the attempt has undone its identity steps.
 */
public interface SlugClaims {
    /**
     * Claims {@code slug} for the attempt {@code claimId}: inserts the claim, or takes over one
     * made before {@code staleBefore} (its attempt died).
     *
     * @throws SlugClaimedException when another live attempt holds the slug
     */
    void claim(StoreSlug slug, String claimId, Instant now, Instant staleBefore);

    /** Removes the claim if {@code claimId} still holds it; false when it was taken over. */
    boolean release(StoreSlug slug, String claimId);
}
