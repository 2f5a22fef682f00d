package io.caravan.platform.tenancy.api;

import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreApiKey;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreSettings;
import java.time.Instant;
import java.util.List;

/** The JSON shapes the tenancy API answers with. Key hashes never leave the server. */
public final class Views {
    private Views() {}

    public record StoreView(
            String slug,
            String name,
            String status,
            String statusReason,
            String defaultCurrency,
            List<String> sellingCountries,
            String priceDisplay,
            OwnerView owner,
            Instant createdAt,
            Instant updatedAt) {
        static StoreView of(Store store) {
            StoreSettings settings = store.settings();
            return new StoreView(
                    store.slug().value(),
                    settings.name(),
                    store.status().name(),
                    store.statusReason(),
                    settings.defaultCurrency().getCurrencyCode(),
                    settings.sellingCountries(),
                    settings.priceDisplay().name(),
                    new OwnerView(
                            store.owner().email(),
                            store.owner().firstName(),
                            store.owner().lastName()),
                    store.createdAt(),
                    store.updatedAt());
        }
    }

    public record OwnerView(String email, String firstName, String lastName) {}

    /** What a storefront may read about its store. */
    public record StorefrontView(
            String slug, String name, String defaultCurrency, List<String> sellingCountries, String priceDisplay) {
        static StorefrontView of(Store store) {
            StoreSettings settings = store.settings();
            return new StorefrontView(
                    store.slug().value(),
                    settings.name(),
                    settings.defaultCurrency().getCurrencyCode(),
                    settings.sellingCountries(),
                    settings.priceDisplay().name());
        }
    }

    public record MemberView(String id, String email, String role, Instant since) {
        static MemberView of(StoreMembership membership) {
            return new MemberView(
                    membership.id(), membership.email(), membership.role().name(), membership.createdAt());
        }
    }

    public record ApiKeyView(
            String id,
            String name,
            String prefix,
            List<String> scopes,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {
        static ApiKeyView of(StoreApiKey key) {
            return new ApiKeyView(
                    key.id(),
                    key.name(),
                    key.keyPrefix(),
                    key.scopes().stream().map(s -> s.value()).sorted().toList(),
                    key.createdBy(),
                    key.createdAt(),
                    key.lastUsedAt(),
                    key.revokedAt());
        }
    }

    /** Returned once, on creation: {@code key} is never shown again. */
    public record CreatedApiKeyView(String id, String name, String prefix, List<String> scopes, String key) {}

    public record AuditEntryView(
            String id,
            Instant occurredAt,
            String actor,
            String actorKind,
            String action,
            String target,
            String detail) {
        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(
                    entry.id(),
                    entry.occurredAt(),
                    entry.actor(),
                    entry.actorKind(),
                    entry.action(),
                    entry.target(),
                    entry.detail());
        }
    }

    public record PageView<T>(List<T> items, int page, int size, long total) {
        static <S, T> PageView<T> of(Page<S> page, java.util.function.Function<S, T> mapper) {
            Page<T> mapped = page.map(mapper);
            return new PageView<>(mapped.items(), mapped.page(), mapped.size(), mapped.total());
        }
    }
}
