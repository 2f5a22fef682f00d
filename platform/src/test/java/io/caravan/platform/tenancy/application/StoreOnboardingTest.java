package io.caravan.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.domain.Actor;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.InvalidStoreException;
import io.caravan.platform.tenancy.domain.PriceDisplay;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreOwner;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.platform.tenancy.domain.StoreSettings;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Onboarding against an in-memory identity provider and registrar: what a first request creates,
 * that a retry creates nothing, and what a failed or lost attempt leaves behind (only what it adopted).
 */
class StoreOnboardingTest {
    static final OnboardStoreCommand LISBON = new OnboardStoreCommand(
            "lisbon-ceramics",
            " Lisbon Ceramics ",
            " Mara@Lisbon-Ceramics.test ",
            " Mara ",
            " Merchant ",
            "EUR",
            List.of("PT", "ES"),
            PriceDisplay.INCLUDING_TAX);

    final InMemoryTenancy tenancy = new InMemoryTenancy();
    final StoreRegistrar registrar = new StoreRegistrar();
    final StoreOnboarding onboarding = new StoreOnboarding();
    final Actor ada = Actor.user("ada");
    /** What {@link #competitor} registers just before this attempt's own registration runs. */
    Store competitor;

    StoreOnboardingTest() {
        registrar.stores = tenancy.stores;
        registrar.memberships = tenancy.memberships;
        registrar.audit = tenancy.audit;
        registrar.clock = tenancy.clock;
        registrar.claims = tenancy.claims;
        onboarding.identity = tenancy.identity;
        onboarding.registrar = registrar;
        onboarding.clock = tenancy.clock;
        onboarding.claimExpirySeconds = 120;
    }

    @Test
    void aFirstRequestCreatesIdentityStoreOwnerMembershipAndAuditEntry() {
        OnboardingResult result = onboarding.onboard(LISBON, ada);

        assertThat(result.created()).isTrue();
        Store store = result.store();
        assertThat(tenancy.stores.findBySlug(new StoreSlug("lisbon-ceramics"))).containsSame(store);
        assertThat(store.settings().name()).isEqualTo("Lisbon Ceramics");
        assertThat(store.owner())
                .isEqualTo(new StoreOwner(
                        tenancy.identity.usersByEmail.get("mara@lisbon-ceramics.test"),
                        "mara@lisbon-ceramics.test",
                        "Mara",
                        "Merchant"));
        assertThat(store.organizationId()).isEqualTo(tenancy.identity.organizationsByAlias.get("lisbon-ceramics"));
        assertThat(store.createdAt()).isEqualTo(InMemoryTenancy.NOW);
        assertThat(tenancy.identity.calls)
                .contains("org Lisbon Ceramics (lisbon-ceramics)", "user mara@lisbon-ceramics.test Mara Merchant");
        assertThat(tenancy.identity.members)
                .containsExactly(store.organizationId() + " " + store.owner().userId());

        StoreMembership membership = tenancy.memberships.list(store.id()).getFirst();
        assertThat(membership.role()).isEqualTo(StoreRole.OWNER);
        assertThat(membership.userId()).isEqualTo(store.owner().userId());
        assertThat(membership.email()).isEqualTo("mara@lisbon-ceramics.test");
        AuditEntry entry = tenancy.audit.of(store.id()).getFirst();
        assertThat(entry.action()).isEqualTo("store.onboarded");
        assertThat(entry.actor()).isEqualTo("ada");
        assertThat(entry.target()).isEqualTo("lisbon-ceramics");
        assertThat(entry.detail()).isEqualTo("owner mara@lisbon-ceramics.test, currency EUR, countries ES PT");
    }

    @Test
    void anIdenticalRetryReturnsTheStoreAndTouchesNoIdentity() {
        Store first = onboarding.onboard(LISBON, ada).store();
        tenancy.identity.calls.clear();

        OnboardingResult again = onboarding.onboard(LISBON, ada);

        assertThat(again.created()).isFalse();
        assertThat(again.store()).isSameAs(first);
        assertThat(tenancy.identity.calls).isEmpty();
        assertThat(tenancy.audit.of(first.id())).hasSize(1);
    }

    @Test
    void aSlugTakenByAnotherStoreIsAConflictBeforeAnyIdentityStep() {
        onboarding.onboard(LISBON, ada);
        tenancy.identity.calls.clear();
        OnboardStoreCommand other = new OnboardStoreCommand(
                "lisbon-ceramics", "Other", "eve@x.test", "Eve", "E", "EUR", List.of("PT"), PriceDisplay.INCLUDING_TAX);

        assertThatThrownBy(() -> onboarding.onboard(other, ada))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("slug 'lisbon-ceramics' is already taken by another store");
        assertThat(tenancy.identity.calls).isEmpty();
    }

    @Test
    void invalidSettingsAreRefusedBeforeAnyIdentityStep() {
        OnboardStoreCommand bad = new OnboardStoreCommand(
                "lisbon-ceramics", "Shop", "m@x.test", "M", "M", "EURO", List.of("PT"), PriceDisplay.INCLUDING_TAX);

        assertThatThrownBy(() -> onboarding.onboard(bad, ada)).isInstanceOf(InvalidStoreException.class);
        assertThat(tenancy.identity.calls).isEmpty();
    }

    @Test
    void aFailedStepRemovesTheOrganizationAndUserThisAttemptCreated() {
        tenancy.identity.failOn = "addMember";

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).hasMessage("identity provider down");

        assertThat(tenancy.identity.organizationsByAlias).isEmpty();
        assertThat(tenancy.identity.usersByEmail).isEmpty();
        assertThat(tenancy.stores.bySlug).isEmpty();
    }

    @Test
    void aFailedStepKeepsWhatTheAttemptAdopted() {
        tenancy.identity.organizationsByAlias.put("lisbon-ceramics", "org-old");
        tenancy.identity.usersByEmail.put("mara@lisbon-ceramics.test", "user-old");
        tenancy.identity.failOn = "addMember";

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).hasMessage("identity provider down");

        assertThat(tenancy.identity.organizationsByAlias).containsEntry("lisbon-ceramics", "org-old");
        assertThat(tenancy.identity.usersByEmail).containsEntry("mara@lisbon-ceramics.test", "user-old");
        assertThat(tenancy.identity.calls).doesNotContain("deleteUser", "deleteOrganization");
    }

    @Test
    void aFailureOfTheFirstStepHasNothingToUndo() {
        tenancy.identity.failOn = "ensureOrganization";

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).hasMessage("identity provider down");

        // the call failed before it did anything, so the alias lookup finds nothing to remove
        assertThat(tenancy.identity.calls).containsExactly("ensureOrganization", "findOrganization");
        assertThat(tenancy.claims.bySlug).as("the claim is given up").isEmpty();
    }

    @Test
    void anOrganizationWhoseCreationAnswerWasLostIsFoundByAliasAndRemoved() {
        tenancy.identity.loseAnswerOn = "ensureOrganization";

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).hasMessage("identity provider down");

        assertThat(tenancy.identity.organizationsByAlias).isEmpty();
        assertThat(tenancy.identity.calls).contains("findOrganization", "deleteOrganization");
        assertThat(tenancy.claims.bySlug).isEmpty();
    }

    @Test
    void aUserWhoseCreationAnswerWasLostIsFoundAndRemovedWithTheOrganization() {
        tenancy.identity.loseAnswerOn = "ensureUser";

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).hasMessage("identity provider down");

        assertThat(tenancy.identity.usersByEmail).isEmpty();
        assertThat(tenancy.identity.organizationsByAlias).isEmpty();
    }

    @Test
    void anExistingUserIsNeverTakenForOneALostAnswerCreated() {
        tenancy.identity.usersByEmail.put("mara@lisbon-ceramics.test", "user-old");
        tenancy.identity.failOn = "ensureUser";

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).hasMessage("identity provider down");

        assertThat(tenancy.identity.usersByEmail).containsEntry("mara@lisbon-ceramics.test", "user-old");
        assertThat(tenancy.identity.calls).contains("findUnattachedUser").doesNotContain("deleteUser");
    }

    @Test
    void aSlugClaimedByALiveAttemptIsRefusedBeforeAnyIdentityStep() {
        tenancy.claims.bySlug.put(
                "lisbon-ceramics", java.util.Map.entry("other", InMemoryTenancy.NOW.minusSeconds(119)));

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada))
                .isInstanceOf(OnboardingInProgressException.class)
                .hasMessageContaining("being onboarded by another request");

        assertThat(tenancy.identity.calls).isEmpty();
        assertThat(tenancy.claims.bySlug.get("lisbon-ceramics").getKey()).isEqualTo("other");
    }

    @Test
    void aClaimPastItsExpiryIsTakenOverAndTheStoreRegistered() {
        tenancy.claims.bySlug.put(
                "lisbon-ceramics", java.util.Map.entry("dead", InMemoryTenancy.NOW.minusSeconds(121)));

        OnboardingResult result = onboarding.onboard(LISBON, ada);

        assertThat(result.created()).isTrue();
        assertThat(tenancy.claims.bySlug).as("registration gives the claim up").isEmpty();
    }

    @Test
    void aStoreRegisteredWhileTheClaimWasTakenIsReturnedForAnIdenticalRequest() {
        Store winner = onboarding.onboard(LISBON, ada).store();
        // as if the first look happened before the winner registered
        StoreRegistrar late = new StoreRegistrar() {
            {
                stores = tenancy.stores;
                claims = tenancy.claims;
                clock = tenancy.clock;
            }

            @Override
            public java.util.Optional<OnboardingResult> existing(
                    StoreSlug slug, String name, String ownerEmail, boolean refuseOther) {
                return calls++ == 0 ? java.util.Optional.empty() : super.existing(slug, name, ownerEmail, refuseOther);
            }

            int calls;
        };
        onboarding.registrar = late;
        tenancy.identity.calls.clear();

        OnboardingResult again = onboarding.onboard(LISBON, ada);

        assertThat(again.store()).isSameAs(winner);
        assertThat(tenancy.identity.calls).isEmpty();
        assertThat(tenancy.claims.bySlug).isEmpty();
    }

    @Test
    void anUndoThatFailsDoesNotHideTheOriginalFailure() {
        tenancy.identity.failOn = "addMember";
        // deleting the user fails too; the organization is still deleted and the caller sees addMember's failure
        InMemoryTenancy.Identity identity = new InMemoryTenancy.Identity() {
            @Override
            public void deleteUser(String userId) {
                calls.add("deleteUser");
                throw new IllegalStateException("delete failed");
            }
        };
        identity.failOn = "addMember";
        onboarding.identity = identity;

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).hasMessage("identity provider down");

        assertThat(identity.organizationsByAlias).isEmpty();
        assertThat(identity.calls).contains("deleteUser", "deleteOrganization");
    }

    @Test
    void losingTheSlugToAnIdenticalConcurrentRequestReturnsTheWinnersStore() {
        racingRegistrar("Lisbon Ceramics", "mara@lisbon-ceramics.test");

        OnboardingResult result = onboarding.onboard(LISBON, ada);

        assertThat(result.created()).isFalse();
        assertThat(result.store()).isSameAs(competitor);
        assertThat(tenancy.identity.calls).doesNotContain("deleteUser", "deleteOrganization", "removeMember");
    }

    @Test
    void losingTheSlugToAnotherStoreWithdrawsThisOwnerButLeavesTheOrganization() {
        racingRegistrar("Someone Else", "eve@else.test");

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("slug 'lisbon-ceramics' is already taken by another store");

        assertThat(tenancy.identity.members).isEmpty();
        assertThat(tenancy.identity.usersByEmail).doesNotContainKey("mara@lisbon-ceramics.test");
        assertThat(tenancy.identity.organizationsByAlias).containsKey("lisbon-ceramics");
    }

    @Test
    void aLoserWhoseOwnerExistedKeepsThatUser() {
        tenancy.identity.usersByEmail.put("mara@lisbon-ceramics.test", "user-old");
        racingRegistrar("Someone Else", "eve@else.test");

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).isInstanceOf(StateConflictException.class);

        assertThat(tenancy.identity.usersByEmail).containsEntry("mara@lisbon-ceramics.test", "user-old");
        assertThat(tenancy.identity.calls).contains("removeMember").doesNotContain("deleteUser");
    }

    @Test
    void aPersistenceFailureThatIsNotTheSlugIsUndoneAndRethrown() {
        onboarding.registrar = failingRegistrar(new PersistenceException("uq_memberships violated"));

        assertThatThrownBy(() -> onboarding.onboard(LISBON, ada)).isInstanceOf(PersistenceException.class);

        assertThat(tenancy.identity.organizationsByAlias).isEmpty();
        assertThat(tenancy.identity.usersByEmail).isEmpty();
    }

    @Test
    void aFinishedOnboardingLetsAnotherThreadOnboardTheSameSlug() throws Exception {
        onboarding.onboard(LISBON, ada);

        OnboardingResult again = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> onboarding.onboard(LISBON, ada))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(again.created()).isFalse();
    }

    @Test
    void aRegistrationWhoseClaimWasTakenOverWritesNothing() {
        StoreSlug slug = new StoreSlug("lisbon-ceramics");
        tenancy.claims.bySlug.put(slug.value(), java.util.Map.entry("the-other-attempt", InMemoryTenancy.NOW));
        StoreSettings settings =
                new StoreSettings("Lisbon", StoreSettings.currency("EUR"), List.of("PT"), PriceDisplay.INCLUDING_TAX);

        assertThatThrownBy(() -> registrar.register(
                        "this-attempt", slug, settings, "m@x.test", "M", "M", "user-1", "org-1", ada))
                .isInstanceOf(StoreRegistrar.ClaimLostException.class);

        assertThat(tenancy.stores.findBySlug(slug)).isEmpty();
        assertThat(tenancy.claims.bySlug.get(slug.value()).getKey())
                .as("the other attempt's claim stays")
                .isEqualTo("the-other-attempt");
    }

    @Test
    void theOrganizationNameCarriesTheSlugAndFitsKeycloaksLimit() {
        StoreSlug slug = new StoreSlug("tea-house");
        assertThat(StoreOnboarding.organizationName("Tea House", slug)).isEqualTo("Tea House (tea-house)");

        String longName = "x".repeat(300);
        String name = StoreOnboarding.organizationName(longName, slug);
        assertThat(name).hasSize(255).endsWith("x (tea-house)");
        String exact = "y".repeat(255 - " (tea-house)".length());
        assertThat(StoreOnboarding.organizationName(exact, slug)).isEqualTo(exact + " (tea-house)");
    }

    /** A registrar that finds, at registration, that another attempt took the claim over and registered first. */
    private void racingRegistrar(String winnerName, String winnerEmail) {
        onboarding.registrar = registrarThatRegisters((slug, settings, organizationId) -> {
            competitor = Store.onboard(
                    slug,
                    new StoreSettings(
                            winnerName,
                            settings.defaultCurrency(),
                            settings.sellingCountries(),
                            settings.priceDisplay()),
                    new StoreOwner("winner", winnerEmail, "W", "W"),
                    organizationId,
                    InMemoryTenancy.NOW);
            tenancy.stores.add(competitor);
            // the competitor took the stalled attempt's claim over and registered first
            throw new StoreRegistrar.ClaimLostException();
        });
    }

    private StoreRegistrar failingRegistrar(RuntimeException failure) {
        return registrarThatRegisters((slug, settings, organizationId) -> {
            throw failure;
        });
    }

    /** What a registration does instead of writing the store. */
    private interface Registration {
        Store register(StoreSlug slug, StoreSettings settings, String organizationId);
    }

    /** The in-memory registrar, with its registration step replaced. */
    private StoreRegistrar registrarThatRegisters(Registration registration) {
        StoreRegistrar replaced = new StoreRegistrar() {
            @Override
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
                return registration.register(slug, settings, organizationId);
            }
        };
        replaced.stores = tenancy.stores;
        replaced.memberships = tenancy.memberships;
        replaced.audit = tenancy.audit;
        replaced.clock = tenancy.clock;
        replaced.claims = tenancy.claims;
        return replaced;
    }
}
