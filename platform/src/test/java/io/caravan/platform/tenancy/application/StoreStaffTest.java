package io.caravan.platform.tenancy.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreRole;
import org.junit.jupiter.api.Test;

/** Inviting and removing staff: Keycloak membership and the platform's role move together. */
class StoreStaffTest {
    final InMemoryTenancy tenancy = new InMemoryTenancy();
    final StoreStaff staff = new StoreStaff();
    final Store shop = tenancy.store("lisbon-ceramics");
    final StoreContext owner = InMemoryTenancy.context(shop, StoreRole.OWNER);

    StoreStaffTest() {
        staff.identity = tenancy.identity;
        staff.self = staff;
        staff.stores = tenancy.stores;
        staff.memberships = tenancy.memberships;
        staff.audit = tenancy.audit;
        staff.clock = tenancy.clock;
    }

    @Test
    void anInviteeBecomesStaffInKeycloakAndInTheStore() {
        StoreMembership membership = staff.invite(owner, " Sam@Shop.TEST ", " Sam ", " Seller ");

        String userId = tenancy.identity.usersByEmail.get("sam@shop.test");
        assertThat(tenancy.identity.calls).contains("user sam@shop.test Sam Seller");
        assertThat(tenancy.identity.members).containsExactly("org-lisbon-ceramics " + userId);
        assertThat(membership.userId()).isEqualTo(userId);
        assertThat(membership.email()).isEqualTo("sam@shop.test");
        assertThat(membership.role()).isEqualTo(StoreRole.STAFF);
        assertThat(membership.createdAt()).isEqualTo(InMemoryTenancy.NOW);
        assertThat(staff.members(owner)).hasSize(2).contains(membership);
        AuditEntry entry = tenancy.audit.of(shop.id()).getFirst();
        assertThat(entry.action()).isEqualTo("staff.invited");
        assertThat(entry.target()).isEqualTo("sam@shop.test");
        assertThat(entry.detail()).isEqualTo("role staff");
    }

    @Test
    void invitingAMemberAgainReturnsTheirMembershipAndAuditsNothingNew() {
        StoreMembership first = staff.invite(owner, "sam@shop.test", "Sam", "Seller");

        StoreMembership again = staff.invite(owner, "SAM@shop.test", "Sam", "Seller");

        assertThat(again).isSameAs(first);
        assertThat(tenancy.audit.of(shop.id())).hasSize(1);
    }

    @Test
    void aFailedInviteRemovesTheUserItCreated() {
        tenancy.identity.failOn = "addMember";

        assertThatThrownBy(() -> staff.invite(owner, "sam@shop.test", "Sam", "Seller"))
                .hasMessage("identity provider down");

        assertThat(tenancy.identity.usersByEmail).isEmpty();
        assertThat(tenancy.memberships.list(shop.id())).hasSize(1);
    }

    @Test
    void aFailedInviteKeepsAUserThatExistedBefore() {
        tenancy.identity.usersByEmail.put("sam@shop.test", "user-sam");
        tenancy.identity.failOn = "addMember";

        assertThatThrownBy(() -> staff.invite(owner, "sam@shop.test", "Sam", "Seller"))
                .hasMessage("identity provider down");

        assertThat(tenancy.identity.usersByEmail).containsEntry("sam@shop.test", "user-sam");
    }

    @Test
    void aFailedUndoStillReportsTheInvitesFailure() {
        InMemoryTenancy.Identity identity = new InMemoryTenancy.Identity() {
            @Override
            public void deleteUser(String userId) {
                throw new IllegalStateException("cannot delete");
            }
        };
        identity.failOn = "addMember";
        staff.identity = identity;

        assertThatThrownBy(() -> staff.invite(owner, "sam@shop.test", "Sam", "Seller"))
                .hasMessage("identity provider down");
    }

    @Test
    void removingStaffTakesThemOutOfKeycloakAndTheStore() {
        StoreMembership sam = staff.invite(owner, "sam@shop.test", "Sam", "Seller");

        staff.remove(owner, sam.id());

        assertThat(tenancy.identity.members).isEmpty();
        assertThat(staff.members(owner)).extracting(StoreMembership::role).containsExactly(StoreRole.OWNER);
        AuditEntry entry = tenancy.audit.of(shop.id()).getFirst();
        assertThat(entry.action()).isEqualTo("staff.removed");
        assertThat(entry.target()).isEqualTo("sam@shop.test");
        assertThat(entry.occurredAt()).isEqualTo(InMemoryTenancy.NOW);
    }

    @Test
    void theOwnerCannotBeRemoved() {
        StoreMembership ownerMembership = tenancy.memberships.list(shop.id()).getFirst();

        assertThatThrownBy(() -> staff.remove(owner, ownerMembership.id()))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("The store owner cannot be removed from the store.");
        assertThat(tenancy.identity.calls).doesNotContain("removeMember");
        assertThat(staff.members(owner)).hasSize(1);
    }

    @Test
    void anUnknownMemberIsNotFound() {
        assertThatThrownBy(() -> staff.remove(owner, "m-404"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No member 'm-404' in store 'lisbon-ceramics'.");
    }

    @Test
    void recordingARemovalTwiceAuditsOnce() {
        StoreMembership sam = staff.invite(owner, "sam@shop.test", "Sam", "Seller");
        staff.recordRemoval(owner, sam.id());
        staff.recordRemoval(owner, sam.id());

        assertThat(tenancy.audit.of(shop.id()))
                .extracting(AuditEntry::action)
                .containsExactly("staff.removed", "staff.invited");
    }

    @Test
    void theOrganizationOfAnUnknownStoreIsNotFound() {
        StoreContext gone = new StoreContext("s-x", "gone-shop", owner.actor(), StoreRole.OWNER);
        assertThat(staff.organizationOf(owner)).isEqualTo("org-lisbon-ceramics");
        assertThatThrownBy(() -> staff.organizationOf(gone))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No store 'gone-shop'.");
    }
}
