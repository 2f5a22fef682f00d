package io.caravan.platform.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limits and round trips of tenancy's domain objects, at their boundaries. */
class TenancyDomainRulesTest {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anOwnerHasEveryRoleAndStaffOnlyItsOwn() {
        assertThat(StoreRole.OWNER.includes(StoreRole.OWNER)).isTrue();
        assertThat(StoreRole.OWNER.includes(StoreRole.STAFF)).isTrue();
        assertThat(StoreRole.STAFF.includes(StoreRole.STAFF)).isTrue();
        assertThat(StoreRole.STAFF.includes(StoreRole.OWNER)).isFalse();
    }

    @Test
    void scopesParseFromTheirWireNamesOnly() {
        assertThat(ApiKeyScope.parse("tax:quote")).isEqualTo(ApiKeyScope.TAX_QUOTE);
        assertThat(ApiKeyScope.parse("storefront:read")).isEqualTo(ApiKeyScope.STOREFRONT_READ);
        assertThatThrownBy(() -> ApiKeyScope.parse("TAX_QUOTE"))
                .isInstanceOf(InvalidStoreException.class)
                .hasMessage("unknown API key scope 'TAX_QUOTE'; known scopes: storefront:read, tax:quote");
    }

    @Test
    void aKeyNameIsOneToAHundredCharactersAndStripped() {
        assertThat(key(" web ", ApiKeyScope.TAX_QUOTE).name()).isEqualTo("web");
        assertThat(key("n".repeat(100), ApiKeyScope.TAX_QUOTE).name()).hasSize(100);
        for (String bad : Arrays.asList(null, " ", "n".repeat(101))) {
            assertThatThrownBy(() -> key(bad, ApiKeyScope.TAX_QUOTE))
                    .isInstanceOf(InvalidStoreException.class)
                    .hasMessage("name must be 1 to 100 characters");
        }
    }

    @Test
    void aKeyNeedsAScopeAndAllowsOnlyItsScopes() {
        assertThatThrownBy(() -> new StoreApiKey("web", ApiKeySecret.generate(), Set.of(), "mara", T0))
                .hasMessage("scopes must name at least one scope");
        assertThatThrownBy(() -> new StoreApiKey("web", ApiKeySecret.generate(), null, "mara", T0))
                .hasMessage("scopes must name at least one scope");

        StoreApiKey readOnly = key("web", ApiKeyScope.STOREFRONT_READ);
        assertThat(readOnly.allows(ApiKeyScope.STOREFRONT_READ)).isTrue();
        assertThat(readOnly.allows(ApiKeyScope.TAX_QUOTE)).isFalse();
        assertThat(key("web", ApiKeyScope.TAX_QUOTE, ApiKeyScope.STOREFRONT_READ)
                        .scopes())
                .isEqualTo(EnumSet.of(ApiKeyScope.TAX_QUOTE, ApiKeyScope.STOREFRONT_READ));
        assertThat(key("web", ApiKeyScope.values()).scopes()).isEqualTo(EnumSet.allOf(ApiKeyScope.class));
        assertThat(readOnly.allows(ApiKeyScope.CHECKOUT_WRITE)).isFalse();
        assertThat(readOnly.isRevoked()).isFalse();
        assertThat(readOnly.id())
                .isNotEqualTo(key("web", ApiKeyScope.STOREFRONT_READ).id());
    }

    @Test
    void aKeysFirstUseIsAlwaysRecordedAndAMinuteLaterAgain() {
        StoreApiKey key = key("web", ApiKeyScope.TAX_QUOTE);
        assertThat(key.recordUse(T0)).isTrue();
        assertThat(key.recordUse(T0.plusSeconds(59))).isFalse();
        assertThat(key.lastUsedAt()).isEqualTo(T0);
        assertThat(key.recordUse(T0.plusSeconds(60))).isTrue();
        assertThat(key.lastUsedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void onlyAKeyOfTheExactShapeIsPresented() {
        String valid = ApiKeySecret.generate().value();
        assertThat(ApiKeySecret.presented(valid).value()).isEqualTo(valid);
        assertThat(ApiKeySecret.presented(valid + "x")).isNull();
        assertThat(ApiKeySecret.presented(valid.substring(0, valid.length() - 1)))
                .isNull();
        assertThat(ApiKeySecret.presented("xvk_" + valid.substring(4))).isNull();

        ApiKeySecret secret = ApiKeySecret.presented(valid);
        assertThat(secret.prefix()).isEqualTo(valid.substring(0, 10));
        assertThat(secret.toString()).isEqualTo(valid.substring(0, 10) + "…");
        assertThat(secret.hash())
                .isEqualTo(ApiKeySecret.presented(valid).hash())
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anAuditDetailIsCutAtAThousandCharacters() {
        Actor key = Actor.apiKey("k-1");
        assertThat(entry(key, "d".repeat(1000)).detail()).hasSize(1000);
        assertThat(entry(key, "d".repeat(1001)).detail()).isEqualTo("d".repeat(1000));
        assertThat(entry(key, null).detail()).isNull();

        AuditEntry entry = entry(key, "x");
        assertThat(entry.actor()).isEqualTo("k-1");
        assertThat(entry.actorKind()).isEqualTo("API_KEY");
        assertThat(entry.action()).isEqualTo("api-key.used");
        assertThat(entry.target()).isEqualTo("t");
        assertThat(entry.occurredAt()).isEqualTo(T0);
        assertThat(entry.id()).isNotBlank().isNotEqualTo(entry(key, "x").id());
        assertThat(Actor.SYSTEM.kind()).isEqualTo(Actor.Kind.SYSTEM);
    }

    @Test
    void aStoreNameIsOneToTwoHundredCharacters() {
        assertThat(settings("n".repeat(200), List.of("DE")).name()).hasSize(200);
        assertThatThrownBy(() -> settings("n".repeat(201), List.of("DE")))
                .isInstanceOf(InvalidStoreException.class)
                .hasMessage("name must be 1 to 200 characters");
        assertThatThrownBy(() -> settings("  ", List.of("DE"))).hasMessage("name must be 1 to 200 characters");
        assertThatThrownBy(() -> settings(null, List.of("DE"))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aStoreSellsToAtLeastOneRealCountry() {
        assertThatThrownBy(() -> settings("Shop", List.of()))
                .hasMessage("sellingCountries must name at least one country");
        assertThatThrownBy(() -> settings("Shop", null)).hasMessage("sellingCountries must name at least one country");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> settings("Shop", withNull)).hasMessageContaining("'null' is not an ISO 3166-1");
    }

    @Test
    void aCurrencyIsThreeCapitals() {
        assertThatThrownBy(() -> StoreSettings.currency(null)).hasMessageContaining("ISO 4217 code in capitals");
        assertThatThrownBy(() -> StoreSettings.currency("eur")).hasMessageContaining("ISO 4217 code in capitals");
        assertThat(StoreSettings.currency("EUR").getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void aSlugIsAtMostSixtyThreeCharacters() {
        assertThat(new StoreSlug("a".repeat(63)).value()).hasSize(63);
        assertThat(new StoreSlug("abc").toString()).isEqualTo("abc");
        assertThatThrownBy(() -> new StoreSlug("a".repeat(64))).isInstanceOf(InvalidStoreException.class);
        assertThatThrownBy(() -> new StoreSlug(null)).isInstanceOf(InvalidStoreException.class);
    }

    @Test
    void anOnboardedStoreGivesBackWhatItWasGiven() {
        StoreSettings settings = new StoreSettings(
                "Osaka Tea", StoreSettings.currency("JPY"), List.of("US", "JP"), PriceDisplay.EXCLUDING_TAX);
        StoreOwner owner = new StoreOwner("u-9", "kenji@osaka.test", "Kenji", "Merchant");

        Store store = Store.onboard(new StoreSlug("osaka-tea"), settings, owner, "org-9", T0);

        assertThat(store.id()).isNotBlank();
        assertThat(store.slug()).isEqualTo(new StoreSlug("osaka-tea"));
        assertThat(store.settings()).isEqualTo(settings);
        assertThat(store.owner()).isEqualTo(owner);
        assertThat(store.organizationId()).isEqualTo("org-9");
        assertThat(store.status()).isEqualTo(StoreStatus.ACTIVE);
        assertThat(store.isActive()).isTrue();
        assertThat(store.createdAt()).isEqualTo(T0);
        assertThat(store.updatedAt()).isEqualTo(T0);

        store.suspend("review", T0.plusSeconds(5));
        assertThat(store.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(store.status()).isEqualTo(StoreStatus.SUSPENDED);
        store.reactivate(T0.plusSeconds(9));
        assertThat(store.updatedAt()).isEqualTo(T0.plusSeconds(9));
        assertThatThrownBy(() -> store.reactivate(T0)).hasMessage("store osaka-tea is already active");
        store.suspend("again", T0);
        assertThatThrownBy(() -> store.suspend("twice", T0)).hasMessage("store osaka-tea is already suspended");
    }

    @Test
    void aMembershipKeepsWhoWhatAndWhen() {
        StoreMembership membership = new StoreMembership("u-1", "sam@shop.test", StoreRole.STAFF, T0);

        assertThat(membership.id()).isNotBlank();
        assertThat(membership.userId()).isEqualTo("u-1");
        assertThat(membership.email()).isEqualTo("sam@shop.test");
        assertThat(membership.role()).isEqualTo(StoreRole.STAFF);
        assertThat(membership.createdAt()).isEqualTo(T0);
    }

    private static StoreApiKey key(String name, ApiKeyScope... scopes) {
        return new StoreApiKey(name, ApiKeySecret.generate(), Set.of(scopes), "mara", T0);
    }

    private static AuditEntry entry(Actor actor, String detail) {
        return new AuditEntry(actor, "api-key.used", "t", detail, T0);
    }

    private static StoreSettings settings(String name, List<String> countries) {
        return new StoreSettings(name, StoreSettings.currency("EUR"), countries, PriceDisplay.INCLUDING_TAX);
    }
}
