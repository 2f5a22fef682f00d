package io.caravan.platform.identity.api;

import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.identity.infrastructure.TokenClaims;
import io.caravan.platform.shared.api.ProblemException;
import io.caravan.platform.shared.api.ProblemResponses;
import io.caravan.platform.shared.api.ProblemType;
import io.caravan.platform.tenancy.application.StoreAccess;
import io.caravan.platform.tenancy.application.StoreContext;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one gate every API request passes. Liberty's mpJwt has already validated any bearer token
 * (signature, issuer, audience, expiry); this filter decides whether that caller, or the store API
 * key presented instead, may call this endpoint, and records who is calling.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {
    public static final String API_KEY_HEADER = "X-Caravan-Api-Key";
    private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

    @Context
    ResourceInfo resource;

    @Inject
    StoreAccess storeAccess;

    @Inject
    RequestCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            authorize(request);
        } catch (ProblemException refused) {
            request.abortWith(ProblemResponses.of(refused.type(), refused.getMessage()));
        }
    }

    private void authorize(ContainerRequestContext request) {
        Access rule = rule();
        if (rule == null) {
            LOG.severe("Refused a call to " + resource.getResourceClass().getName() + "#"
                    + resource.getResourceMethod().getName() + ": the endpoint declares no @Access rule");
            throw ProblemException.forbidden("This endpoint is not open to anyone.");
        }
        if (rule.value() == Access.Audience.PUBLIC) {
            return;
        }
        CaravanUser user = signedInUser(request);
        String apiKey = request.getHeaderString(API_KEY_HEADER);
        if (user != null && apiKey != null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "Send either a bearer token or an API key, not both.");
        }
        if (user == null && apiKey == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "Sign in (Authorization: Bearer <token>) or send a store API key (" + API_KEY_HEADER + ").");
        }
        if (user != null) {
            caller.signedIn(user);
        }
        switch (rule.value()) {
            case AUTHENTICATED -> requireUser(user);
            case PLATFORM_ADMIN -> {
                requireUser(user);
                if (!user.isPlatformAdmin()) {
                    throw ProblemException.forbidden("Only platform admins may do this.");
                }
            }
            case PLUGIN_DEVELOPER -> {
                requireUser(user);
                if (!user.isPluginDeveloper()) {
                    throw ProblemException.forbidden("Only plugin developers may do this.");
                }
            }
            case STORE -> caller.actingOn(storeContext(request, rule, user, apiKey));
            default -> throw new IllegalStateException("unhandled audience " + rule.value());
        }
    }

    private StoreContext storeContext(ContainerRequestContext request, Access rule, CaravanUser user, String apiKey) {
        String slug = request.getUriInfo().getPathParameters().getFirst("store");
        if (slug == null) {
            throw new IllegalStateException("store endpoint without a {store} path parameter");
        }
        if (user != null) {
            // Keycloak's organization membership is the first check; the platform's role the second.
            if (!user.belongsTo(slug)) {
                throw ProblemException.forbidden("You are not a member of store '" + slug + "'.");
            }
            return storeAccess.authorizeMember(slug, user.userId(), user.username(), rule.storeRole());
        }
        ApiKeyScope scope = rule.apiKeyScope().length == 0 ? null : rule.apiKeyScope()[0];
        return storeAccess.authorizeApiKey(slug, apiKey, scope);
    }

    private static void requireUser(CaravanUser user) {
        if (user == null) {
            throw ProblemException.forbidden("API keys cannot call this endpoint; sign in instead.");
        }
    }

    private static CaravanUser signedInUser(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security != null && security.getUserPrincipal() instanceof JsonWebToken token) {
            return TokenClaims.toUser(token);
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_TOKEN,
                    "The bearer token is invalid, expired, or not issued for this API.");
        }
        return null;
    }

    private Access rule() {
        Access onMethod = resource.getResourceMethod().getAnnotation(Access.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Access.class);
    }
}
