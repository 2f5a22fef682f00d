package io.caravan.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.identity.application.IdentityProvisioning.Provisioned;
import io.caravan.platform.tenancy.domain.StoreSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reaper against an in-memory registrar and identity provider: what an onboarding that died
 * after its identity calls left is removed; live claims, registered stores and people who had an
 * account before are left alone.
 */
class AbandonedOnboardingsTest {
    final InMemoryTenancy tenancy = new InMemoryTenancy();
    final StoreRegistrar registrar = new StoreRegistrar();
    final AbandonedOnboardings reaper = new AbandonedOnboardings();

    AbandonedOnboardingsTest() {
        registrar.stores = tenancy.stores;
        registrar.memberships = tenancy.memberships;
        registrar.audit = tenancy.audit;
        registrar.clock = tenancy.clock;
        registrar.claims = tenancy.claims;
        reaper.registrar = registrar;
        reaper.identity = tenancy.identity;
        reaper.claimExpirySeconds = 120;
        reaper.reapAfter = Duration.ofMinutes(2);
    }

    /** What an attempt that died after adding the owner to the organization leaves behind. */
    private void died(String slug, String email, Instant claimedAt) {
        tenancy.claims.claim(new StoreSlug(slug), "dead-" + slug, email, "Shop", claimedAt, claimedAt);
        Provisioned org = tenancy.identity.ensureOrganization(slug, "Shop (" + slug + ")");
        Provisioned user = tenancy.identity.ensureUser(email, "Olga", "Owner");
        tenancy.identity.addMember(org.id(), user.id());
    }

    @Test
    void an_expired_claim_loses_its_organization_its_new_owner_and_the_claim() {
        died("crashed-shop", "olga@crashed.test", InMemoryTenancy.NOW.minus(Duration.ofMinutes(3)));

        assertThat(reaper.reap()).isEqualTo(1);

        assertThat(tenancy.identity.organizationsByAlias).doesNotContainKey("crashed-shop");
        assertThat(tenancy.identity.usersByEmail).doesNotContainKey("olga@crashed.test");
        assertThat(tenancy.claims.bySlug).isEmpty();
        assertThat(reaper.reap()).as("nothing left to reap").isZero();
    }

    @Test
    void a_live_claim_is_left_alone() {
        died("busy-shop", "olga@busy.test", InMemoryTenancy.NOW.minus(Duration.ofSeconds(30)));

        assertThat(reaper.reap()).isZero();

        assertThat(tenancy.identity.organizationsByAlias).containsKey("busy-shop");
        assertThat(tenancy.identity.usersByEmail).containsKey("olga@busy.test");
        assertThat(tenancy.claims.bySlug).containsKey("busy-shop");
    }

    @Test
    void an_owner_who_belongs_to_another_organization_keeps_the_account() {
        Provisioned other = tenancy.identity.ensureOrganization("other-shop", "Other (other-shop)");
        Provisioned owner = tenancy.identity.ensureUser("olga@two.test", "Olga", "Owner");
        tenancy.identity.addMember(other.id(), owner.id());
        died("second-shop", "olga@two.test", InMemoryTenancy.NOW.minus(Duration.ofMinutes(3)));

        assertThat(reaper.reap()).isEqualTo(1);

        assertThat(tenancy.identity.organizationsByAlias)
                .doesNotContainKey("second-shop")
                .containsKey("other-shop");
        assertThat(tenancy.identity.usersByEmail).containsEntry("olga@two.test", owner.id());
    }

    @Test
    void a_claim_someone_else_took_over_first_is_not_reaped() {
        died("raced-shop", "olga@raced.test", InMemoryTenancy.NOW.minus(Duration.ofMinutes(3)));
        // A retrying onboarding takes the claim over between the reaper's look and its take-over.
        StoreRegistrar racing = new StoreRegistrar() {
            @Override
            public boolean takeOver(io.caravan.platform.tenancy.domain.AbandonedClaim claim, String newClaimId) {
                tenancy.claims.bySlug.put(claim.slug().value(), Map.entry("retry", InMemoryTenancy.NOW));
                return super.takeOver(claim, newClaimId);
            }
        };
        racing.stores = tenancy.stores;
        racing.clock = tenancy.clock;
        racing.claims = tenancy.claims;
        reaper.registrar = racing;

        assertThat(reaper.reap()).isZero();

        assertThat(tenancy.identity.organizationsByAlias).containsKey("raced-shop");
        assertThat(tenancy.claims.bySlug.get("raced-shop").getKey()).isEqualTo("retry");
    }
}
