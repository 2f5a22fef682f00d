package io.caravan.platform.identity.domain;

import java.util.Set;

/**
 * A signed-in person as the platform sees them: who (Keycloak subject and username), what realm
 * roles they hold, and which stores (organization aliases) Keycloak says they belong to.
 */
public record CaravanUser(
        String userId, String username, String email, Set<String> realmRoles, Set<String> storeSlugs) {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String PLUGIN_DEVELOPER = "plugin-developer";

    public CaravanUser {
        realmRoles = Set.copyOf(realmRoles);
        storeSlugs = Set.copyOf(storeSlugs);
    }

    public boolean isPlatformAdmin() {
        return realmRoles.contains(PLATFORM_ADMIN);
    }

    public boolean isPluginDeveloper() {
        return realmRoles.contains(PLUGIN_DEVELOPER);
    }

    public boolean belongsTo(String storeSlug) {
        return storeSlugs.contains(storeSlug);
    }
}
