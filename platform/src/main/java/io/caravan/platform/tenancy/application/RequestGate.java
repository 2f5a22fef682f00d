package io.caravan.platform.tenancy.application;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides whether a request's caller may call an endpoint under its {@link Access} rule, and records
 * who is calling in {@link RequestCaller}. The caller is a user identity has already read from a
 * validated token, or a store API key, exactly one of them; store access (membership, role, key
 * scope, the store's status) is decided by {@link StoreAccess}.
 */
@ApplicationScoped
public class RequestGate {
    @Inject
    StoreAccess storeAccess;

    @Inject
    RequestCaller caller;

    /**
     * Admits the request or throws {@link AccessRefusedException} (or a not-found for an unknown store).
     *
     * @param user      the signed-in user, or null when the request came with an API key
     * @param apiKey    the store API key presented, or null when the request came with a token
     * @param storeSlug the {@code {store}} path parameter, for {@link Access.Audience#STORE} endpoints
     */
    public void admit(Access rule, CaravanUser user, String apiKey, String storeSlug) {
        if (rule.value() == Access.Audience.PUBLIC) {
            return;
        }
        if ((user == null) == (apiKey == null)) {
            throw new IllegalArgumentException("exactly one of a signed-in user and an API key is needed");
        }
        if (user != null) {
            caller.signedIn(user);
        }
        switch (rule.value()) {
            case AUTHENTICATED -> requireUser(user);
            case PLATFORM_ADMIN -> {
                requireUser(user);
                if (!user.isPlatformAdmin()) {
                    throw AccessRefusedException.forbidden("Only platform admins may do this.");
                }
            }
            case PLUGIN_DEVELOPER -> {
                requireUser(user);
                if (!user.isPluginDeveloper()) {
                    throw AccessRefusedException.forbidden("Only plugin developers may do this.");
                }
            }
            case STORE -> caller.actingOn(storeContext(rule, user, apiKey, storeSlug));
            default -> throw new IllegalStateException("unhandled audience " + rule.value());
        }
    }

    private StoreContext storeContext(Access rule, CaravanUser user, String apiKey, String slug) {
        if (slug == null) {
            throw new IllegalStateException("store endpoint without a {store} path parameter");
        }
        if (user != null) {
            // Keycloak's organization membership is the first check; the platform's role the second.
            if (!user.belongsTo(slug)) {
                throw AccessRefusedException.forbidden("You are not a member of store '" + slug + "'.");
            }
            return storeAccess.authorizeMember(slug, user.userId(), user.username(), rule.storeRole());
        }
        ApiKeyScope scope = rule.apiKeyScope().length == 0 ? null : rule.apiKeyScope()[0];
        return storeAccess.authorizeApiKey(slug, apiKey, scope);
    }

    private static void requireUser(CaravanUser user) {
        if (user == null) {
            throw AccessRefusedException.forbidden("API keys cannot call this endpoint; sign in instead.");
        }
    }
}
