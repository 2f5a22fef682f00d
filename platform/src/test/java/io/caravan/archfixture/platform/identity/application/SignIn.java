package io.caravan.archfixture.platform.identity.application;

/** Allowed: inside identity, Keycloak is known. */
public class SignIn {
    public KeycloakUser signIn(String username) {
        return new KeycloakUser(username);
    }
}
