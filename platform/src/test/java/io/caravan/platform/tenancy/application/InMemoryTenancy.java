package io.caravan.platform.tenancy.application;

import io.caravan.platform.identity.application.IdentityProvisioning;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.platform.tenancy.domain.PriceDisplay;
import io.caravan.platform.tenancy.domain.SlugClaimedException;
import io.caravan.platform.tenancy.domain.SlugClaims;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreApiKey;
import io.caravan.platform.tenancy.domain.StoreApiKeyRepository;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreMembershipRepository;
import io.caravan.platform.tenancy.domain.StoreOwner;
import io.caravan.platform.tenancy.domain.StoreRepository;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import io.caravan.platform.tenancy.domain.StoreStatus;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tenancy's repositories, audit log and identity provider in memory, keyed by store id as the real
 * ones are (every store-owned call names its store), and a fixed clock. Unit tests of the
 * application services wire these into the services' package-private fields, as CDI would.
 */
final class InMemoryTenancy {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Stores stores = new Stores();
    final Memberships memberships = new Memberships();
    final ApiKeys apiKeys = new ApiKeys();
    final Audit audit = new Audit();
    final Identity identity = new Identity();
    final Claims claims = new Claims();

    /** A store added straight to the repository, with its owner's membership. */
    Store store(String slug) {
        Store store = Store.onboard(
                new StoreSlug(slug),
                new StoreSettings(
                        "Shop " + slug, StoreSettings.currency("EUR"), List.of("DE"), PriceDisplay.INCLUDING_TAX),
                new StoreOwner("owner-" + slug, "owner@" + slug + ".test", "Olga", "Owner"),
                "org-" + slug,
                NOW.minusSeconds(3600));
        stores.add(store);
        memberships.add(
                store.id(),
                new StoreMembership(
                        "owner-" + slug, "owner@" + slug + ".test", StoreRole.OWNER, NOW.minusSeconds(3600)));
        return store;
    }

    static StoreContext context(Store store, StoreRole role) {
        return new StoreContext(store.id(), store.slug().value(), Actor.user("mara"), role);
    }

    static final class Stores implements StoreRepository {
        final Map<String, Store> bySlug = new LinkedHashMap<>();

        @Override
        public Optional<Store> findBySlug(StoreSlug slug) {
            return Optional.ofNullable(bySlug.get(slug.value()));
        }

        @Override
        public void add(Store store) {
            bySlug.put(store.slug().value(), store);
        }

        @Override
        public Page<Store> search(StoreStatus status, String text, PageRequest page) {
            List<Store> matches = bySlug.values().stream()
                    .filter(s -> status == null || s.status() == status)
                    .filter(s -> text == null || s.slug().value().contains(text))
                    .toList();
            return new Page<>(matches, page.page(), page.size(), matches.size());
        }
    }

    static final class Memberships implements StoreMembershipRepository {
        final Map<String, List<StoreMembership>> byStore = new LinkedHashMap<>();

        List<StoreMembership> of(String storeId) {
            return byStore.computeIfAbsent(storeId, id -> new ArrayList<>());
        }

        @Override
        public Optional<StoreMembership> findByUser(String storeId, String userId) {
            return of(storeId).stream().filter(m -> m.userId().equals(userId)).findFirst();
        }

        @Override
        public Optional<StoreMembership> findById(String storeId, String membershipId) {
            return of(storeId).stream().filter(m -> m.id().equals(membershipId)).findFirst();
        }

        @Override
        public List<StoreMembership> list(String storeId) {
            return List.copyOf(of(storeId));
        }

        @Override
        public void add(String storeId, StoreMembership membership) {
            of(storeId).add(membership);
        }

        @Override
        public void remove(String storeId, StoreMembership membership) {
            of(storeId).remove(membership);
        }
    }

    static final class ApiKeys implements StoreApiKeyRepository {
        final Map<String, List<StoreApiKey>> byStore = new LinkedHashMap<>();

        List<StoreApiKey> of(String storeId) {
            return byStore.computeIfAbsent(storeId, id -> new ArrayList<>());
        }

        @Override
        public Optional<StoreApiKey> findByHash(String storeId, String keyHash) {
            return of(storeId).stream().filter(k -> hashOf(k).equals(keyHash)).findFirst();
        }

        @Override
        public Optional<StoreApiKey> findById(String storeId, String keyId) {
            return of(storeId).stream().filter(k -> k.id().equals(keyId)).findFirst();
        }

        @Override
        public List<StoreApiKey> list(String storeId) {
            return List.copyOf(of(storeId));
        }

        @Override
        public void add(String storeId, StoreApiKey key) {
            of(storeId).add(key);
        }

        /** The stored hash, which the entity keeps for the database's lookup and exposes to no one. */
        static String hashOf(StoreApiKey key) {
            try {
                Field field = StoreApiKey.class.getDeclaredField("keyHash");
                field.setAccessible(true);
                return (String) field.get(key);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    static final class Audit implements AuditLog {
        final Map<String, List<AuditEntry>> byStore = new LinkedHashMap<>();

        List<AuditEntry> of(String storeId) {
            return byStore.computeIfAbsent(storeId, id -> new ArrayList<>());
        }

        @Override
        public void record(String storeId, AuditEntry entry) {
            of(storeId).add(0, entry);
        }

        @Override
        public Page<AuditEntry> list(String storeId, PageRequest page) {
            List<AuditEntry> entries = of(storeId);
            return new Page<>(List.copyOf(entries), page.page(), page.size(), entries.size());
        }
    }

    /** Slug claims in memory: slug → (claim id, claimed at). */
    static final class Claims implements SlugClaims {
        final Map<String, Map.Entry<String, Instant>> bySlug = new LinkedHashMap<>();
        /** Owner e-mail of each claim, as the claim row records it. */
        final Map<String, String> ownerEmails = new LinkedHashMap<>();

        @Override
        public void claim(
                StoreSlug slug, String claimId, String ownerEmail, String storeName, Instant now, Instant staleBefore) {
            Map.Entry<String, Instant> held = bySlug.get(slug.value());
            if (held != null && !held.getValue().isBefore(staleBefore)) {
                throw new SlugClaimedException(slug);
            }
            bySlug.put(slug.value(), Map.entry(claimId, now));
            ownerEmails.put(slug.value(), ownerEmail);
        }

        @Override
        public List<io.caravan.platform.tenancy.domain.AbandonedClaim> abandoned(Instant staleBefore, int max) {
            return bySlug.entrySet().stream()
                    .filter(e -> e.getValue().getValue().isBefore(staleBefore))
                    .limit(max)
                    .map(e -> new io.caravan.platform.tenancy.domain.AbandonedClaim(
                            new StoreSlug(e.getKey()),
                            e.getValue().getKey(),
                            ownerEmails.get(e.getKey()),
                            null,
                            e.getValue().getValue()))
                    .toList();
        }

        @Override
        public boolean takeOver(StoreSlug slug, String staleClaimId, String newClaimId, Instant now) {
            Map.Entry<String, Instant> held = bySlug.get(slug.value());
            if (held == null || !held.getKey().equals(staleClaimId)) {
                return false;
            }
            bySlug.put(slug.value(), Map.entry(newClaimId, now));
            return true;
        }

        @Override
        public boolean release(StoreSlug slug, String claimId) {
            Map.Entry<String, Instant> held = bySlug.get(slug.value());
            if (held == null || !held.getKey().equals(claimId)) {
                return false;
            }
            bySlug.remove(slug.value());
            return true;
        }
    }

    /**
     * An identity provider that remembers what exists and logs every call; {@link #failOn} makes one
     * operation throw before it does anything, {@link #loseAnswerOn} after it did its work (an answer
     * lost on the way back), to test what a failed step leaves behind.
     */
    static class Identity implements IdentityProvisioning {
        final Map<String, String> organizationsByAlias = new LinkedHashMap<>();
        final Map<String, String> usersByEmail = new LinkedHashMap<>();
        final List<String> members = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        String failOn;
        String loseAnswerOn;
        /** Users this provider created, with when (the fixed clock's instant). */
        final Map<String, Instant> createdAt = new LinkedHashMap<>();

        Supplier<RuntimeException> failure = () -> new IllegalStateException("identity provider down");
        int next;

        private void maybeFail(String operation) {
            calls.add(operation);
            if (operation.equals(failOn)) {
                throw failure.get();
            }
        }

        @Override
        public Provisioned ensureOrganization(String alias, String displayName) {
            maybeFail("ensureOrganization");
            String existing = organizationsByAlias.get(alias);
            if (existing != null) {
                return new Provisioned(existing, false);
            }
            String id = "org-" + (++next);
            organizationsByAlias.put(alias, id);
            calls.add("org " + displayName);
            maybeLoseAnswer("ensureOrganization");
            return new Provisioned(id, true);
        }

        private void maybeLoseAnswer(String operation) {
            if (operation.equals(loseAnswerOn)) {
                throw failure.get();
            }
        }

        @Override
        public Optional<String> findOrganization(String alias, String displayName) {
            calls.add("findOrganization");
            return Optional.ofNullable(organizationsByAlias.get(alias));
        }

        @Override
        public Optional<String> findUnattachedUserCreatedSince(String email, Instant since) {
            calls.add("findUnattachedUser");
            String id = usersByEmail.get(email);
            boolean fresh = id != null
                    && createdAt.containsKey(id)
                    && !createdAt.get(id).isBefore(since);
            boolean attached = members.stream().anyMatch(m -> m.endsWith(" " + id));
            return fresh && !attached ? Optional.of(id) : Optional.empty();
        }

        @Override
        public void deleteOrganization(String organizationId) {
            maybeFail("deleteOrganization");
            organizationsByAlias.values().remove(organizationId);
            // As Keycloak does: an organization's memberships go with it.
            members.removeIf(m -> m.startsWith(organizationId + " "));
        }

        @Override
        public Provisioned ensureUser(String email, String firstName, String lastName) {
            maybeFail("ensureUser");
            String existing = usersByEmail.get(email);
            if (existing != null) {
                return new Provisioned(existing, false);
            }
            String id = "user-" + (++next);
            usersByEmail.put(email, id);
            createdAt.put(id, NOW);
            calls.add("user " + email + " " + firstName + " " + lastName);
            maybeLoseAnswer("ensureUser");
            return new Provisioned(id, true);
        }

        @Override
        public void deleteUser(String userId) {
            maybeFail("deleteUser");
            usersByEmail.values().remove(userId);
        }

        @Override
        public void addMember(String organizationId, String userId) {
            maybeFail("addMember");
            if (!members.contains(organizationId + " " + userId)) {
                members.add(organizationId + " " + userId);
            }
            maybeLoseAnswer("addMember");
        }

        @Override
        public void removeMember(String organizationId, String userId) {
            maybeFail("removeMember");
            members.remove(organizationId + " " + userId);
        }

        @Override
        public boolean isReachable() {
            return true;
        }
    }
}
