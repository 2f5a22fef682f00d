package io.caravan.platform.tenancy.domain;

import java.time.Instant;
import java.util.List;

/**
 * Who is onboarding which slug right now, kept in the database so that every node sees it. An
 * onboarding holds its slug's claim from before its first identity call until the store is
 * registered or the attempt has undone its identity steps.
 */
public interface SlugClaims {
    /**
     * Claims {@code slug} for the attempt {@code claimId}, recording the owner and store name it is
     * about to create in the identity provider: inserts the claim, or takes over one made before
     * {@code staleBefore} (its attempt died).
     *
     * @throws SlugClaimedException when another live attempt holds the slug
     */
    void claim(StoreSlug slug, String claimId, String ownerEmail, String storeName, Instant now, Instant staleBefore);

    /** Up to {@code max} claims made before {@code staleBefore}, oldest first. */
    List<AbandonedClaim> abandoned(Instant staleBefore, int max);

    /**
     * Takes the abandoned claim over for {@code newClaimId} if it is still the one that was found
     * ({@code staleClaimId}); false when another node's reaper or a retrying onboarding was first.
     */
    boolean takeOver(StoreSlug slug, String staleClaimId, String newClaimId, Instant now);

    /** Removes the claim if {@code claimId} still holds it; false when it was taken over. */
    boolean release(StoreSlug slug, String claimId);
}
