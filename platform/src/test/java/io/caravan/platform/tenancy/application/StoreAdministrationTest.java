package io.caravan.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import io.caravan.platform.tenancy.domain.ApiKeySecret;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.InvalidStoreException;
import io.caravan.platform.tenancy.domain.PriceDisplay;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreApiKey;
import io.caravan.platform.tenancy.domain.StoreRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store's own people change its settings and API keys; each change is audited, a no-op is not. */
class StoreAdministrationTest {
    final InMemoryTenancy tenancy = new InMemoryTenancy();
    final StoreAdministration administration = new StoreAdministration();
    final Store shop = tenancy.store("lisbon-ceramics");
    final StoreContext owner = InMemoryTenancy.context(shop, StoreRole.OWNER);

    StoreAdministrationTest() {
        administration.stores = tenancy.stores;
        administration.apiKeys = tenancy.apiKeys;
        administration.audit = tenancy.audit;
        administration.clock = tenancy.clock;
    }

    @Test
    void theStoreIsLoadedOnlyWhenSlugAndIdAgree() {
        assertThat(administration.store(owner)).isSameAs(shop);

        Store other = tenancy.store("osaka-tea");
        StoreContext mixed = new StoreContext(other.id(), "lisbon-ceramics", owner.actor(), StoreRole.OWNER);
        assertThatThrownBy(() -> administration.store(mixed))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No store 'lisbon-ceramics'.");
    }

    @Test
    void newSettingsAreAppliedAndAudited() {
        Store updated = administration.updateSettings(
                owner, " Lisbon Ceramics ", "USD", List.of("PT", "ES"), PriceDisplay.EXCLUDING_TAX);

        assertThat(updated.settings().name()).isEqualTo("Lisbon Ceramics");
        assertThat(updated.settings().defaultCurrency().getCurrencyCode()).isEqualTo("USD");
        assertThat(updated.settings().sellingCountries()).containsExactly("ES", "PT");
        assertThat(updated.settings().priceDisplay()).isEqualTo(PriceDisplay.EXCLUDING_TAX);
        assertThat(updated.updatedAt()).isEqualTo(InMemoryTenancy.NOW);
        AuditEntry entry = tenancy.audit.of(shop.id()).getFirst();
        assertThat(entry.action()).isEqualTo("store.settings-updated");
        assertThat(entry.actor()).isEqualTo("mara");
        assertThat(entry.target()).isEqualTo("lisbon-ceramics");
        assertThat(entry.detail())
                .isEqualTo("name Lisbon Ceramics, currency USD, countries ES PT, prices EXCLUDING_TAX");
        assertThat(entry.occurredAt()).isEqualTo(InMemoryTenancy.NOW);
    }

    @Test
    void invalidSettingsChangeNothingAndAreNotAudited() {
        assertThatThrownBy(() ->
                        administration.updateSettings(owner, "Shop", "EURO", List.of("PT"), PriceDisplay.INCLUDING_TAX))
                .isInstanceOf(InvalidStoreException.class);

        assertThat(shop.settings().defaultCurrency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(tenancy.audit.of(shop.id())).isEmpty();
    }

    @Test
    void aCreatedKeyIsReturnedInClearOnceAndStoredByHashWithItsScopes() {
        StoreAdministration.CreatedApiKey created =
                administration.createApiKey(owner, "checkout", List.of("tax:quote", "storefront:read"));

        StoreApiKey key = created.key();
        assertThat(created.secret()).startsWith(key.keyPrefix());
        assertThat(InMemoryTenancy.ApiKeys.hashOf(key))
                .isEqualTo(ApiKeySecret.presented(created.secret()).hash());
        assertThat(key.scopes()).containsExactlyInAnyOrder(ApiKeyScope.TAX_QUOTE, ApiKeyScope.STOREFRONT_READ);
        assertThat(key.createdBy()).isEqualTo("mara");
        assertThat(key.createdAt()).isEqualTo(InMemoryTenancy.NOW);
        assertThat(administration.apiKeys(owner)).containsExactly(key);
        AuditEntry entry = tenancy.audit.of(shop.id()).getFirst();
        assertThat(entry.action()).isEqualTo("api-key.created");
        assertThat(entry.target()).isEqualTo(key.id());
        assertThat(entry.detail())
                .isEqualTo("name checkout, prefix " + key.keyPrefix() + ", scopes [tax:quote, storefront:read]")
                .doesNotContain(created.secret());
    }

    @Test
    void anUnknownScopeCreatesNoKey() {
        assertThatThrownBy(() -> administration.createApiKey(owner, "checkout", List.of("orders:write")))
                .isInstanceOf(InvalidStoreException.class)
                .hasMessageContaining("unknown API key scope 'orders:write'");
        assertThat(administration.apiKeys(owner)).isEmpty();
        assertThat(tenancy.audit.of(shop.id())).isEmpty();
    }

    @Test
    void revokingIsAuditedOnceAndRevokingAgainChangesNothing() {
        StoreApiKey key = administration
                .createApiKey(owner, "checkout", List.of("tax:quote"))
                .key();

        StoreApiKey revoked = administration.revokeApiKey(owner, key.id());
        administration.revokeApiKey(owner, key.id());

        assertThat(revoked.revokedAt()).isEqualTo(InMemoryTenancy.NOW);
        assertThat(tenancy.audit.of(shop.id()))
                .extracting(AuditEntry::action)
                .containsExactly("api-key.revoked", "api-key.created");
        assertThat(tenancy.audit.of(shop.id()).getFirst().detail())
                .isEqualTo("name checkout, prefix " + key.keyPrefix());
    }

    @Test
    void aKeyOfAnotherStoreCannotBeRevokedHere() {
        Store other = tenancy.store("osaka-tea");
        StoreContext otherOwner = InMemoryTenancy.context(other, StoreRole.OWNER);
        StoreApiKey theirs = administration
                .createApiKey(otherOwner, "web", List.of("tax:quote"))
                .key();

        assertThatThrownBy(() -> administration.revokeApiKey(owner, theirs.id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No API key '" + theirs.id() + "' in store 'lisbon-ceramics'.");
        assertThat(theirs.isRevoked()).isFalse();
    }

    @Test
    void theAuditTrailIsTheStoresOwn() {
        administration.createApiKey(owner, "checkout", List.of("tax:quote"));
        Store other = tenancy.store("osaka-tea");

        assertThat(administration.auditTrail(owner, new PageRequest(0, 10)).items())
                .extracting(AuditEntry::action)
                .containsExactly("api-key.created");
        assertThat(administration
                        .auditTrail(InMemoryTenancy.context(other, StoreRole.OWNER), new PageRequest(0, 10))
                        .items())
                .isEmpty();
    }
}
