package io.caravan.platform.identity.application;

import java.time.Instant;
import java.util.Optional;

/**
 * What the platform needs from the identity provider to onboard stores and their people.
 * Implemented by the Keycloak adapter; the only door through which other contexts reach
 * Keycloak.
 *
 * <p>Every method either completes or throws {@link IdentityUnavailableException} (provider
 * down, timing out, or answering 5xx) or {@link IdentityRejectedException} (provider refused
 * the request, e.g. a malformed e-mail). Methods are idempotent where the name says "ensure".
 */
public interface IdentityProvisioning {

    /** Creates the organization for a store, or returns the existing one with this alias. */
    Provisioned ensureOrganization(String alias, String displayName);

    /**
     * The organization with this alias, if there is one. Used after a call whose answer was lost,
     * to learn whether the provider carried it out.
     */
    Optional<String> findOrganization(String alias, String displayName);

    /** Deletes an organization; a missing one is not an error. */
    void deleteOrganization(String organizationId);

    /**
     * Finds the user with this e-mail or creates one (enabled, e-mail as username, asked to set a
     * password on first login).
     */
    Provisioned ensureUser(String email, String firstName, String lastName);

    /**
     * The user with this e-mail if it was created at or after {@code since} and belongs to no
     * organization: after a user creation whose answer was lost, the user that call may have
     * made, and that nothing else uses yet.
     */
    Optional<String> findUnattachedUserCreatedSince(String email, Instant since);

    /** Deletes a user; a missing one is not an error. */
    void deleteUser(String userId);

    /** Makes the user a member of the organization; already being one is not an error. */
    void addMember(String organizationId, String userId);

    /** Removes the user from the organization; not being one is not an error. */
    void removeMember(String organizationId, String userId);

    /** True when the provider answers its admin API now (used by readiness). */
    boolean isReachable();

    /**
     * An object in the identity provider.
     *
     * @param id      the provider's id (Keycloak UUID)
     * @param created true when this call created it, false when it already existed
     */
    record Provisioned(String id, boolean created) {}
}
