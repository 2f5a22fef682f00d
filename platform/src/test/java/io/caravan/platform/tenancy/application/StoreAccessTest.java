package io.caravan.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import io.caravan.platform.tenancy.domain.ApiKeySecret;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreApiKey;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreRole;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may act on a store: members by role, API keys by scope, only while the store is active. */
class StoreAccessTest {
    final InMemoryTenancy tenancy = new InMemoryTenancy();
    final StoreAccess access = new StoreAccess();
    final Store shop = tenancy.store("lisbon-ceramics");

    StoreAccessTest() {
        access.stores = tenancy.stores;
        access.memberships = tenancy.memberships;
        access.apiKeys = tenancy.apiKeys;
        access.clock = tenancy.clock;
        tenancy.memberships.add(
                shop.id(), new StoreMembership("staff-1", "sam@shop.test", StoreRole.STAFF, InMemoryTenancy.NOW));
    }

    @Test
    void anOwnerActsAsOwnerAndStaffActsAsStaff() {
        StoreContext owner =
                access.authorizeMember("lisbon-ceramics", "owner-lisbon-ceramics", "olga", StoreRole.OWNER);
        StoreContext staff = access.authorizeMember("lisbon-ceramics", "staff-1", "sam", StoreRole.STAFF);

        assertThat(owner)
                .isEqualTo(new StoreContext(shop.id(), "lisbon-ceramics", Actor.user("olga"), StoreRole.OWNER));
        assertThat(staff).isEqualTo(new StoreContext(shop.id(), "lisbon-ceramics", Actor.user("sam"), StoreRole.STAFF));
    }

    @Test
    void staffCannotDoWhatNeedsTheOwnerRole() {
        assertThatThrownBy(() -> access.authorizeMember("lisbon-ceramics", "staff-1", "sam", StoreRole.OWNER))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessRefusedException.Reason.FORBIDDEN))
                .hasMessage("This action needs the owner role in store 'lisbon-ceramics'; you are staff.");
    }

    @Test
    void someoneWithoutARoleIsRefused() {
        assertThatThrownBy(() -> access.authorizeMember("lisbon-ceramics", "stranger", "eve", StoreRole.STAFF))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessage("You have no role in store 'lisbon-ceramics'.");
    }

    @Test
    void anUnknownOrInvalidSlugIsNotFound() {
        assertThatThrownBy(
                        () -> access.authorizeMember("no-such-shop", "owner-lisbon-ceramics", "olga", StoreRole.STAFF))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No store 'no-such-shop'.");
        assertThatThrownBy(() -> access.authorizeMember("No Such", "owner-lisbon-ceramics", "olga", StoreRole.STAFF))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No store 'No Such'.");
    }

    @Test
    void membersOfASuspendedStoreAreRefusedWithTheReason() {
        shop.suspend("unpaid invoices", InMemoryTenancy.NOW);

        assertThatThrownBy(() ->
                        access.authorizeMember("lisbon-ceramics", "owner-lisbon-ceramics", "olga", StoreRole.OWNER))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessRefusedException.Reason.STORE_SUSPENDED))
                .hasMessage("Store 'lisbon-ceramics' is suspended by the platform: unpaid invoices");
    }

    @Test
    void aSuspensionWithoutAReasonEndsTheMessageWithAFullStop() {
        shop.suspend(null, InMemoryTenancy.NOW);

        assertThatThrownBy(() -> access.authorizeMember("lisbon-ceramics", "staff-1", "sam", StoreRole.STAFF))
                .hasMessage("Store 'lisbon-ceramics' is suspended by the platform.");
    }

    @Test
    void aKeyWithTheScopeActsAsItselfAndItsUseIsRecorded() {
        ApiKeySecret secret = ApiKeySecret.generate();
        StoreApiKey key = key(secret, ApiKeyScope.TAX_QUOTE);

        StoreContext context = access.authorizeApiKey("lisbon-ceramics", secret.value(), ApiKeyScope.TAX_QUOTE);

        assertThat(context).isEqualTo(new StoreContext(shop.id(), "lisbon-ceramics", Actor.apiKey(key.id()), null));
        assertThat(key.lastUsedAt()).isEqualTo(InMemoryTenancy.NOW);
    }

    @Test
    void aKeyWithoutTheScopeIsForbiddenAndItsUseIsNotRecorded() {
        ApiKeySecret secret = ApiKeySecret.generate();
        StoreApiKey key = key(secret, ApiKeyScope.STOREFRONT_READ);

        assertThatThrownBy(() -> access.authorizeApiKey("lisbon-ceramics", secret.value(), ApiKeyScope.TAX_QUOTE))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessRefusedException.Reason.FORBIDDEN))
                .hasMessage("This API key lacks the scope this endpoint needs: tax:quote.");
        assertThat(key.lastUsedAt()).isNull();
    }

    @Test
    void anEndpointWithoutAScopeRefusesEveryKey() {
        ApiKeySecret secret = ApiKeySecret.generate();
        key(secret, ApiKeyScope.STOREFRONT_READ, ApiKeyScope.TAX_QUOTE);

        assertThatThrownBy(() -> access.authorizeApiKey("lisbon-ceramics", secret.value(), null))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessage("This API key lacks the scope this endpoint needs (API keys cannot call it).");
    }

    @Test
    void malformedUnknownAndRevokedKeysAreInvalidCredentials() {
        ApiKeySecret revoked = ApiKeySecret.generate();
        key(revoked, ApiKeyScope.TAX_QUOTE).revoke(InMemoryTenancy.NOW);

        assertThatThrownBy(() -> access.authorizeApiKey("lisbon-ceramics", "cvk_short", ApiKeyScope.TAX_QUOTE))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessRefusedException.Reason.INVALID_CREDENTIALS))
                .hasMessage("The API key is malformed.");
        String unknown = ApiKeySecret.generate().value();
        assertThatThrownBy(() -> access.authorizeApiKey("lisbon-ceramics", unknown, ApiKeyScope.TAX_QUOTE))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessRefusedException.Reason.INVALID_CREDENTIALS))
                .hasMessage("The API key is not valid for store 'lisbon-ceramics' or has been revoked.");
        assertThatThrownBy(() -> access.authorizeApiKey("lisbon-ceramics", revoked.value(), ApiKeyScope.TAX_QUOTE))
                .isInstanceOf(AccessRefusedException.class)
                .hasMessage("The API key is not valid for store 'lisbon-ceramics' or has been revoked.");
    }

    @Test
    void aKeyOfAnotherStoreIsNotValidHere() {
        Store other = tenancy.store("osaka-tea");
        ApiKeySecret secret = ApiKeySecret.generate();
        tenancy.apiKeys.add(
                other.id(),
                new StoreApiKey("web", secret, Set.of(ApiKeyScope.TAX_QUOTE), "kenji", InMemoryTenancy.NOW));

        assertThat(access.authorizeApiKey("osaka-tea", secret.value(), ApiKeyScope.TAX_QUOTE)
                        .storeId())
                .isEqualTo(other.id());
        assertThatThrownBy(() -> access.authorizeApiKey("lisbon-ceramics", secret.value(), ApiKeyScope.TAX_QUOTE))
                .hasMessage("The API key is not valid for store 'lisbon-ceramics' or has been revoked.");
    }

    @Test
    void aValidKeyOfASuspendedStoreIsRefusedAsSuspended() {
        ApiKeySecret secret = ApiKeySecret.generate();
        key(secret, ApiKeyScope.TAX_QUOTE);
        shop.suspend("fraud review", InMemoryTenancy.NOW);

        assertThatThrownBy(() -> access.authorizeApiKey("lisbon-ceramics", secret.value(), ApiKeyScope.TAX_QUOTE))
                .isInstanceOfSatisfying(
                        AccessRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessRefusedException.Reason.STORE_SUSPENDED));
    }

    @Test
    void thePlatformActsAsOwnerOnAnyExistingStoreEvenASuspendedOne() {
        shop.suspend("fraud review", InMemoryTenancy.NOW);

        assertThat(access.asPlatform("lisbon-ceramics"))
                .contains(new StoreContext(shop.id(), "lisbon-ceramics", Actor.SYSTEM, StoreRole.OWNER));
        assertThat(access.asPlatform("lisbon-ceramics", Actor.user("ada")))
                .contains(new StoreContext(shop.id(), "lisbon-ceramics", Actor.user("ada"), StoreRole.OWNER));
        assertThat(access.asPlatform("no-such-shop")).isEqualTo(Optional.empty());
        assertThat(access.asPlatform("Not A Slug")).isEqualTo(Optional.empty());
    }

    private StoreApiKey key(ApiKeySecret secret, ApiKeyScope... scopes) {
        StoreApiKey key = new StoreApiKey("web", secret, Set.of(scopes), "olga", InMemoryTenancy.NOW.minusSeconds(600));
        tenancy.apiKeys.add(shop.id(), key);
        return key;
    }
}
