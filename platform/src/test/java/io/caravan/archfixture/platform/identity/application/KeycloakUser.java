package io.caravan.archfixture.platform.identity.application;

/** Identity may know Keycloak. */
public record KeycloakUser(String username) {}
