/**
 * Identity: who a person is according to the identity provider (Keycloak). Reads the user behind a
 * validated access token ({@code application.SignedInUsers}, over the token's claims) and provisions
 * organizations, users and memberships in the provider ({@code application.IdentityProvisioning},
 * implemented by the Keycloak admin client). It has no REST endpoint of its own.
 *
 * <p>May use: {@code shared}. Nothing else: tenancy depends on identity (onboarding provisions
 * through it, the request gate asks it who signed in), never the other way round. Identity is the
 * only context that knows Keycloak; others go through its application ports and its domain
 * ({@code CaravanUser}).
 */
package io.caravan.platform.identity;
