package io.caravan.platform.tenancy.application;

import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
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
import java.time.Instant;
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
    Clock clock;

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

    @Transactional
    public Store register(
            StoreSlug slug,
            StoreSettings settings,
            String ownerEmail,
            String ownerFirstName,
            String ownerLastName,
            String ownerUserId,
            String organizationId,
            Actor actor) {
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
