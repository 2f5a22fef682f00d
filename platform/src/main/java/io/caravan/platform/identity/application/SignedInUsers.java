package io.caravan.platform.identity.application;

import io.caravan.platform.identity.domain.CaravanUser;
import java.security.Principal;
import java.util.Optional;

/**
 * Who signed in: the user behind a bearer token the server has already validated (Liberty's mpJwt
 * checks signature, issuer, audience and expiry before any platform code runs). The way other
 * contexts learn who is calling without knowing tokens or the identity provider.
 */
public interface SignedInUsers {
    /** The user of a validated bearer token; empty when there is no principal or it is not a token. */
    Optional<CaravanUser> of(Principal principal);
}
