package io.caravan.platform.tenancy.application;

import io.caravan.platform.identity.application.IdentityProvisioning;
import io.caravan.platform.identity.application.IdentityProvisioning.Provisioned;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.tenancy.domain.AuditEntry;
import io.caravan.platform.tenancy.domain.AuditLog;
import io.caravan.platform.tenancy.domain.Store;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreMembershipRepository;
import io.caravan.platform.tenancy.domain.StoreRepository;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.platform.tenancy.domain.StoreSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The people of a store. Keycloak holds the organization membership (so tokens list the store);
 * the platform holds the role. Inviting is safe to retry; a failed invite leaves no new user behind.
 */
@ApplicationScoped
public class StoreStaff {
    private static final Logger LOG = Logger.getLogger(StoreStaff.class.getName());

    @Inject
    IdentityProvisioning identity;

    @Inject
    StoreStaff self;

    @Inject
    StoreRepository stores;

    @Inject
    StoreMembershipRepository memberships;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public List<StoreMembership> members(StoreContext context) {
        return memberships.list(context.storeId());
    }

    /** Invites a person as staff; returns their membership (the existing one when already a member). */
    public StoreMembership invite(StoreContext context, String email, String firstName, String lastName) {
        String normalizedEmail = email.strip().toLowerCase(Locale.ROOT);
        String organizationId = self.organizationOf(context);
        Provisioned user = identity.ensureUser(normalizedEmail, firstName.strip(), lastName.strip());
        try {
            identity.addMember(organizationId, user.id());
            return self.recordInvite(context, user.id(), normalizedEmail);
        } catch (RuntimeException failure) {
            if (user.created()) {
                try {
                    identity.deleteUser(user.id());
                } catch (RuntimeException undo) {
                    LOG.log(
                            Level.WARNING,
                            "Could not remove user created by a failed invite; a retry adopts it: "
                                    + undo.getMessage());
                }
            }
            throw failure;
        }
    }

    /** Removes a staff member from the store (the owner cannot be removed). */
    public void remove(StoreContext context, String membershipId) {
        StoreMembership membership = self.membership(context, membershipId);
        if (membership.role() == StoreRole.OWNER) {
            throw new StateConflictException("The store owner cannot be removed from the store.");
        }
        identity.removeMember(self.organizationOf(context), membership.userId());
        self.recordRemoval(context, membershipId);
    }

    @Transactional
    public String organizationOf(StoreContext context) {
        Store store = stores.findBySlug(new StoreSlug(context.slug()))
                .orElseThrow(() -> new NotFoundException("No store '" + context.slug() + "'."));
        return store.organizationId();
    }

    @Transactional
    public StoreMembership membership(StoreContext context, String membershipId) {
        return memberships
                .findById(context.storeId(), membershipId)
                .orElseThrow(() ->
                        new NotFoundException("No member '" + membershipId + "' in store '" + context.slug() + "'."));
    }

    @Transactional
    public StoreMembership recordInvite(StoreContext context, String userId, String email) {
        return memberships.findByUser(context.storeId(), userId).orElseGet(() -> {
            Instant now = clock.instant();
            StoreMembership membership = new StoreMembership(userId, email, StoreRole.STAFF, now);
            memberships.add(context.storeId(), membership);
            audit.record(context.storeId(), new AuditEntry(context.actor(), "staff.invited", email, "role staff", now));
            return membership;
        });
    }

    @Transactional
    public void recordRemoval(StoreContext context, String membershipId) {
        memberships.findById(context.storeId(), membershipId).ifPresent(membership -> {
            memberships.remove(context.storeId(), membership);
            audit.record(
                    context.storeId(),
                    new AuditEntry(context.actor(), "staff.removed", membership.email(), null, clock.instant()));
        });
    }
}
