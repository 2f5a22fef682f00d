package io.caravan.archfixture.platform.orders.application;

import io.caravan.archfixture.platform.identity.application.KeycloakUser;

/** Wrong: outside identity, knows Keycloak (through identity's application, which is otherwise open). */
public class Customers {
    public String name(KeycloakUser user) {
        return user.username();
    }
}
