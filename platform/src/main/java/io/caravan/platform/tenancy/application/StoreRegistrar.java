package io.caravan.platform.tenancy.application;

import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.domain.AbandonedClaim;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.platform.tenancy.domain.SlugClaims;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreMembershipRepository;
import io.caravan.platform.tenancy.domain.StoreOwner;
import io.caravan.platform.tenancy.domain.StoreRepository;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The database half of onboarding: one transaction, all or nothing. */
@ApplicationScoped
public class StoreRegistrar {
    @Inject
    StoreRepository stores;

    @Inject
    StoreMembershipRepository memberships;

    @Inject
    AuditLog audit;

    @Inject
    SlugClaims claims;

    @Inject
    Clock clock;

    /** This attempt's claim on the slug was taken over by another attempt. */
    static final class ClaimLostException extends RuntimeException {
        ClaimLostException() {
            super("the slug's claim was taken over by another onboarding attempt", null, false, false);
        }
    }

    /**
     * The store already registered under this slug, when the request repeats it. When the slug
     * belongs to a different store: a conflict if {@code refuseOther}, else empty.
     */
    @Transactional
    public Optional<OnboardingResult> existing(StoreSlug slug, String name, String ownerEmail, boolean refuseOther) {
        Optional<Store> store = stores.findBySlug(slug);
        if (store.isPresent() && !store.get().matchesOnboarding(name, ownerEmail)) {
            if (refuseOther) {
                throw new StateConflictException("slug '" + slug + "' is already taken by another store");
            }
            return Optional.empty();
        }
        return store.map(existing -> new OnboardingResult(existing, false));
    }

    /**
     * Claims the slug for this attempt in its own transaction, so that the claim is visible to
     * every node before the attempt calls Keycloak. Returns the store when the slug was registered
     * meanwhile (the claim is then not kept).
     *
     * @throws io.caravan.platform.tenancy.domain.SlugClaimedException when a live attempt holds it
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Store> claim(StoreSlug slug, String claimId, String ownerEmail, String storeName, Duration expiry) {
        Instant now = clock.instant();
        claims.claim(slug, claimId, ownerEmail, storeName, now, now.minus(expiry));
        // Read after the claim: a rival that registered the store and released its claim has
        // committed before this claim could be inserted, so its store is visible now.
        Optional<Store> registered = stores.findBySlug(slug);
        if (registered.isPresent()) {
            claims.release(slug, claimId);
        }
        return registered;
    }

    /** Claims made before {@code expiry} ago: their attempts died or stalled. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<AbandonedClaim> abandoned(Duration expiry, int max) {
        return claims.abandoned(clock.instant().minus(expiry), max);
    }

    /**
     * Takes an abandoned claim over for the reaper, in its own transaction; false when someone else
     * (another node's reaper, a retrying onboarding) was first. The store when the slug was
     * registered after all (the claim is then released).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean takeOver(AbandonedClaim claim, String newClaimId) {
        return claims.takeOver(claim.slug(), claim.claimId(), newClaimId, clock.instant());
    }

    /** Whether a store is registered under the slug. */
    @Transactional
    public boolean registered(StoreSlug slug) {
        return stores.findBySlug(slug).isPresent();
    }

    /** Gives the claim up after a failed attempt; false if another attempt had taken it over. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(StoreSlug slug, String claimId) {
        return claims.release(slug, claimId);
    }

    /**
     * Registers the store and gives up the claim in one transaction.
     *
     * @throws ClaimLostException when another attempt took the claim over (this one stalled past
     *     the claim's expiry); nothing is written then
     */
    @Transactional
    public Store register(
            String claimId,
            StoreSlug slug,
            StoreSettings settings,
            String ownerEmail,
            String ownerFirstName,
            String ownerLastName,
            String ownerUserId,
            String organizationId,
            Actor actor) {
        if (!claims.release(slug, claimId)) {
            throw new ClaimLostException();
        }
        Instant now = clock.instant();
        Store store = Store.onboard(
                slug,
                settings,
                new StoreOwner(ownerUserId, ownerEmail, ownerFirstName, ownerLastName),
                organizationId,
                now);
        stores.add(store);
        // The store row must exist before rows that reference it.
        memberships.add(store.id(), new StoreMembership(ownerUserId, ownerEmail, StoreRole.OWNER, now));
        audit.record(
                store.id(),
                new AuditEntry(
                        actor,
                        "store.onboarded",
                        slug.value(),
                        "owner " + ownerEmail + ", currency "
                                + settings.defaultCurrency().getCurrencyCode() + ", countries "
                                + String.join(" ", settings.sellingCountries()),
                        now));
        return store;
    }
}
