package io.caravan.platform.tenancy.application;

import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import io.caravan.platform.tenancy.domain.ApiKeySecret;
import io.caravan.platform.tenancy.domain.InvalidStoreException;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreApiKey;
import io.caravan.platform.tenancy.domain.StoreApiKeyRepository;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreMembershipRepository;
import io.caravan.platform.tenancy.domain.StoreRepository;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Decides whether a caller may act on a store: the store must exist and be active, and the caller
 * must be a member with a sufficient role, or present a live API key of that store with the scope.
 */
@ApplicationScoped
public class StoreAccess {
    @Inject
    StoreRepository stores;

    @Inject
    StoreMembershipRepository memberships;

    @Inject
    StoreApiKeyRepository apiKeys;

    @Inject
    Clock clock;

    @Transactional
    public StoreContext authorizeMember(String slug, String userId, String username, StoreRole required) {
        Store store = activeStore(slug);
        StoreMembership membership = memberships
                .findByUser(store.id(), userId)
                .orElseThrow(() -> AccessRefusedException.forbidden("You have no role in store '" + slug + "'."));
        if (!membership.role().includes(required)) {
            throw AccessRefusedException.forbidden(
                    "This action needs the " + required.name().toLowerCase() + " role in store '" + slug + "'; you are "
                            + membership.role().name().toLowerCase() + ".");
        }
        return new StoreContext(store.id(), slug, Actor.user(username), membership.role());
    }

    @Transactional
    public StoreContext authorizeApiKey(String slug, String presentedKey, ApiKeyScope required) {
        ApiKeySecret secret = ApiKeySecret.presented(presentedKey);
        if (secret == null) {
            throw AccessRefusedException.invalidCredentials("The API key is malformed.");
        }
        Store store = existingStore(slug);
        StoreApiKey key = apiKeys.findByHash(store.id(), secret.hash())
                .filter(k -> !k.isRevoked())
                .orElseThrow(() -> AccessRefusedException.invalidCredentials(
                        "The API key is not valid for store '" + slug + "' or has been revoked."));
        requireActive(store);
        if (required == null || !key.allows(required)) {
            throw AccessRefusedException.forbidden("This API key lacks the scope this endpoint needs"
                    + (required == null ? " (API keys cannot call it)." : ": " + required.value() + "."));
        }
        key.recordUse(clock.instant());
        return new StoreContext(store.id(), slug, Actor.apiKey(key.id()), null);
    }

    /**
     * The platform itself acting on a store (demo seeding, development tooling), if the store exists.
     */
    @Transactional
    public java.util.Optional<StoreContext> asPlatform(String slug) {
        return asPlatform(slug, Actor.SYSTEM);
    }

    /** A platform admin (or the platform) acting on a store, whatever the store's status. */
    @Transactional
    public java.util.Optional<StoreContext> asPlatform(String slug, Actor actor) {
        try {
            return stores.findBySlug(new StoreSlug(slug))
                    .map(store -> new StoreContext(store.id(), slug, actor, StoreRole.OWNER));
        } catch (InvalidStoreException e) {
            return java.util.Optional.empty();
        }
    }

    private Store activeStore(String slug) {
        Store store = existingStore(slug);
        requireActive(store);
        return store;
    }

    private static void requireActive(Store store) {
        if (!store.isActive()) {
            throw new AccessRefusedException(
                    AccessRefusedException.Reason.STORE_SUSPENDED,
                    "Store '" + store.slug() + "' is suspended by the platform"
                            + (store.statusReason() == null ? "." : ": " + store.statusReason()));
        }
    }

    private Store existingStore(String slug) {
        StoreSlug storeSlug;
        try {
            storeSlug = new StoreSlug(slug);
        } catch (InvalidStoreException e) {
            throw new NotFoundException("No store '" + slug + "'.");
        }
        return stores.findBySlug(storeSlug).orElseThrow(() -> new NotFoundException("No store '" + slug + "'."));
    }
}
