package io.caravan.platform.tenancy.application;

import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import io.caravan.platform.tenancy.domain.ApiKeySecret;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.platform.tenancy.domain.PriceDisplay;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreApiKey;
import io.caravan.platform.tenancy.domain.StoreApiKeyRepository;
import io.caravan.platform.tenancy.domain.StoreRepository;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a store's own people do with it: settings, API keys, reading its audit trail. */
@ApplicationScoped
public class StoreAdministration {
    @Inject
    StoreRepository stores;

    @Inject
    StoreApiKeyRepository apiKeys;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Store store(StoreContext context) {
        return load(context);
    }

    /**
     * A store by its slug, for the few public endpoints that name one (a payment provider's
     * notifications): its id and slug only, whatever its status; empty for a malformed or unknown slug.
     */
    @Transactional
    public Optional<StoreRef> publicStore(String slug) {
        StoreSlug parsed;
        try {
            parsed = new StoreSlug(slug);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return stores.findBySlug(parsed).map(s -> new StoreRef(s.id(), s.slug().value()));
    }

    @Transactional
    public Store updateSettings(
            StoreContext context, String name, String currency, List<String> countries, PriceDisplay priceDisplay) {
        Store store = load(context);
        StoreSettings settings = new StoreSettings(name, StoreSettings.currency(currency), countries, priceDisplay);
        Instant now = clock.instant();
        store.apply(settings, now);
        audit.record(
                context.storeId(),
                new AuditEntry(
                        context.actor(),
                        "store.settings-updated",
                        context.slug(),
                        "name " + settings.name() + ", currency " + currency + ", countries "
                                + String.join(" ", settings.sellingCountries()) + ", prices " + priceDisplay,
                        now));
        return store;
    }

    /** Creates a key; the returned secret is the only time the clear key exists. */
    @Transactional
    public CreatedApiKey createApiKey(StoreContext context, String name, List<String> scopeNames) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        scopeNames.forEach(scope -> scopes.add(ApiKeyScope.parse(scope)));
        ApiKeySecret secret = ApiKeySecret.generate();
        Instant now = clock.instant();
        StoreApiKey key = new StoreApiKey(name, secret, scopes, context.actor().name(), now);
        apiKeys.add(context.storeId(), key);
        audit.record(
                context.storeId(),
                new AuditEntry(
                        context.actor(),
                        "api-key.created",
                        key.id(),
                        "name " + key.name() + ", prefix " + key.keyPrefix() + ", scopes " + scopeNames,
                        now));
        return new CreatedApiKey(key, secret.value());
    }

    @Transactional
    public List<StoreApiKey> apiKeys(StoreContext context) {
        return apiKeys.list(context.storeId());
    }

    @Transactional
    public StoreApiKey revokeApiKey(StoreContext context, String keyId) {
        StoreApiKey key = apiKeys.findById(context.storeId(), keyId)
                .orElseThrow(
                        () -> new NotFoundException("No API key '" + keyId + "' in store '" + context.slug() + "'."));
        if (!key.isRevoked()) {
            Instant now = clock.instant();
            key.revoke(now);
            audit.record(
                    context.storeId(),
                    new AuditEntry(
                            context.actor(),
                            "api-key.revoked",
                            key.id(),
                            "name " + key.name() + ", prefix " + key.keyPrefix(),
                            now));
        }
        return key;
    }

    @Transactional
    public Page<AuditEntry> auditTrail(StoreContext context, PageRequest page) {
        return audit.list(context.storeId(), page);
    }

    private Store load(StoreContext context) {
        return stores.findBySlug(new StoreSlug(context.slug()))
                .filter(store -> store.id().equals(context.storeId()))
                .orElseThrow(() -> new NotFoundException("No store '" + context.slug() + "'."));
    }

    /** A key just created, with its clear value. */
    public record CreatedApiKey(StoreApiKey key, String secret) {}
}
