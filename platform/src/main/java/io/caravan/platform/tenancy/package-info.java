/**
 * Tenancy: stores and the people and keys acting on them. Onboarding, settings, suspension, staff
 * memberships and roles, store API keys, the audit trail; and the request gate, since who may call
 * what is a question about stores, memberships, roles, scopes and suspensions. Endpoints declare
 * {@code application.Access}; {@code application.RequestGate} decides, {@code api.AccessFilter}
 * applies it to every request, and {@code application.RequestCaller} tells resources of every context
 * who is calling and on which store.
 *
 * <p>May use: {@code identity}'s application and domain (who signed in, provisioning in the identity
 * provider), {@code shared}. Other contexts may use tenancy's application and domain.
 */
package io.caravan.platform.tenancy;
