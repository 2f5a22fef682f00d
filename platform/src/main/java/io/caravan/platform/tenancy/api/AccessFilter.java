package io.caravan.platform.tenancy.api;

import io.caravan.platform.identity.application.SignedInUsers;
import io.caravan.platform.identity.domain.CaravanUser;
import io.caravan.platform.shared.api.ProblemException;
import io.caravan.platform.shared.api.ProblemResponses;
import io.caravan.platform.shared.api.ProblemType;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.AccessRefusedException;
import io.caravan.platform.tenancy.application.RequestGate;
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

/**
 * The one gate every API request passes. Liberty's mpJwt has already validated any bearer token
 * (signature, issuer, audience, expiry); this filter reads the endpoint's {@link Access} rule and
 * the request's credentials (identity says which user a token stands for), and lets
 * {@link RequestGate} decide whether that caller, or the store API key presented instead, may call
 * this endpoint. A refusal is answered here, before any resource runs.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {
    public static final String API_KEY_HEADER = "X-Caravan-Api-Key";
    private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

    @Context
    ResourceInfo resource;

    @Inject
    SignedInUsers signedInUsers;

    @Inject
    RequestGate gate;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            authorize(request);
        } catch (ProblemException refused) {
            request.abortWith(ProblemResponses.of(refused.type(), refused.getMessage()));
        } catch (AccessRefusedException refused) {
            request.abortWith(ProblemResponses.of(TenancyProblems.problem(refused)));
        } catch (NotFoundException missing) {
            request.abortWith(ProblemResponses.of(ProblemType.NOT_FOUND, missing.getMessage()));
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
            throw new ProblemException(
                    ProblemType.MALFORMED_REQUEST, "Send either a bearer token or an API key, not both.");
        }
        if (user == null && apiKey == null) {
            throw new ProblemException(
                    ProblemType.UNAUTHENTICATED,
                    "Sign in (Authorization: Bearer <token>) or send a store API key (" + API_KEY_HEADER + ").");
        }
        gate.admit(rule, user, apiKey, request.getUriInfo().getPathParameters().getFirst("store"));
    }

    private CaravanUser signedInUser(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        CaravanUser user = signedInUsers
                .of(security == null ? null : security.getUserPrincipal())
                .orElse(null);
        if (user != null) {
            return user;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            throw new ProblemException(
                    ProblemType.INVALID_TOKEN, "The bearer token is invalid, expired, or not issued for this API.");
        }
        return null;
    }

    private Access rule() {
        Access onMethod = resource.getResourceMethod().getAnnotation(Access.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Access.class);
    }
}
