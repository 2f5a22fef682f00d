package io.caravan.platform.identity.infrastructure;

import io.caravan.platform.identity.application.SignedInUsers;
import io.caravan.platform.identity.domain.CaravanUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@link SignedInUsers} over the claims of the access token mpJwt validated. */
@ApplicationScoped
public class TokenSignedInUsers implements SignedInUsers {
    @Override
    public Optional<CaravanUser> of(Principal principal) {
        return principal instanceof JsonWebToken token ? Optional.of(TokenClaims.toUser(token)) : Optional.empty();
    }
}
