package io.caravan.platform.identity.infrastructure;

import io.caravan.platform.identity.domain.CaravanUser;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads a validated Keycloak access token. The {@code organization} claim comes as a list of
 * aliases, or, with the mapper's id/attribute options, as an object keyed by alias: both mean the
 * same memberships.
 */
public final class TokenClaims {
    static final String ORGANIZATION_CLAIM = "organization";

    private TokenClaims() {}

    public static CaravanUser toUser(JsonWebToken token) {
        Set<String> roles = token.getGroups() == null ? Set.of() : token.getGroups();
        String username = token.getClaim("preferred_username");
        String email = token.getClaim("email");
        return new CaravanUser(
                token.getSubject(),
                username == null ? token.getSubject() : username,
                email,
                roles,
                organizations(token.getClaim(ORGANIZATION_CLAIM)));
    }

    static Set<String> organizations(Object claim) {
        Set<String> aliases = new HashSet<>();
        if (claim instanceof Map<?, ?> byAlias) {
            byAlias.keySet().forEach(alias -> aliases.add(String.valueOf(alias)));
        } else if (claim instanceof Collection<?> list) {
            list.forEach(alias -> aliases.add(String.valueOf(alias)));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value ->
                    aliases.add(value instanceof jakarta.json.JsonString s ? s.getString() : value.toString()));
        } else if (claim instanceof jakarta.json.JsonObject object) {
            aliases.addAll(object.keySet());
        } else if (claim instanceof String single && !single.isBlank()) {
            aliases.add(single);
        }
        return aliases;
    }
}
