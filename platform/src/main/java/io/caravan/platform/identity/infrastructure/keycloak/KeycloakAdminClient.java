package io.caravan.platform.identity.infrastructure.keycloak;

import io.caravan.platform.identity.application.IdentityProvisioning;
import io.caravan.platform.identity.application.IdentityRejectedException;
import io.caravan.platform.identity.application.IdentityUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link IdentityProvisioning} over Keycloak's Admin REST API, authenticated as the
 * {@code caravan-platform} service account (client credentials).
 *
 * <p>Plain {@code java.net.http} + JSON-P on purpose: the Keycloak admin client drags its own
 * RESTEasy, which collides with Liberty's JAX-RS.
 */
@ApplicationScoped
public class KeycloakAdminClient implements IdentityProvisioning {
    private static final Logger LOG = Logger.getLogger(KeycloakAdminClient.class.getName());
    private static final Duration REACHABILITY_TIMEOUT = Duration.ofSeconds(2);
    private static final int PAGE_SIZE = 100;

    private final String baseUrl;
    private final String realm;
    private final Duration timeout;
    private final HttpClient http;
    private final ServiceAccountToken token;

    /** For the CDI client proxy only. */
    protected KeycloakAdminClient() {
        this.baseUrl = null;
        this.realm = null;
        this.timeout = null;
        this.http = null;
        this.token = null;
    }

    @Inject
    public KeycloakAdminClient(
            @ConfigProperty(name = "caravan.keycloak.url", defaultValue = "http://127.0.0.1:8180") String url,
            @ConfigProperty(name = "caravan.keycloak.admin-url") Optional<String> adminUrl,
            @ConfigProperty(name = "caravan.keycloak.realm", defaultValue = "caravan") String realm,
            @ConfigProperty(name = "caravan.keycloak.client-id", defaultValue = "caravan-platform") String clientId,
            @ConfigProperty(name = "caravan.keycloak.client-secret", defaultValue = "caravan-platform-dev-secret")
                    String clientSecret,
            @ConfigProperty(name = "caravan.keycloak.timeout-ms", defaultValue = "5000") long timeoutMs) {
        // The admin API may be reached another way than the issuer (a private address, a proxy).
        String admin = adminUrl.filter(u -> !u.isBlank()).orElse(url);
        this.baseUrl = admin.endsWith("/") ? admin.substring(0, admin.length() - 1) : admin;
        this.realm = realm;
        this.timeout = Duration.ofMillis(timeoutMs);
        // HTTP/1.1: the default (HTTP/2) sends an h2c upgrade on every plain-http request.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI tokenEndpoint =
                URI.create(this.baseUrl + "/realms/" + KeycloakHttp.segment(realm) + "/protocol/openid-connect/token");
        this.token = new ServiceAccountToken(http, tokenEndpoint, clientId, clientSecret);
    }

    /** The client's selector thread would otherwise outlive an application restart in Liberty. */
    @PreDestroy
    void close() {
        http.shutdownNow();
    }

    @Override
    public Provisioned ensureOrganization(String alias, String displayName) {
        JsonObject body = Json.createObjectBuilder()
                .add("name", displayName)
                .add("alias", alias)
                .add("enabled", true)
                .build();
        HttpResponse<String> response = send("POST", "/organizations", body, timeout, "create organization");
        switch (response.statusCode()) {
            case 201:
                String id = KeycloakHttp.idFromLocation(response, "create organization");
                LOG.fine(() -> "Created organization " + alias + " (" + id + ")");
                return new Provisioned(id, true);
            case 409:
                // Name or alias taken. Only the same alias counts as "already there"; a different
                // organization holding the name is a real conflict.
                return findOrganizationByAlias(alias, displayName)
                        .map(existing -> new Provisioned(existing, false))
                        .orElseThrow(() -> rejected("create organization", response));
            default:
                throw rejected("create organization", response);
        }
    }

    /**
     * The admin API cannot look up by alias ({@code search} matches name and domains), so try the
     * name first and fall back to paging through all organizations.
     */
    private Optional<String> findOrganizationByAlias(String alias, String displayName) {
        Optional<String> byName = withAlias(
                getArray(
                        "/organizations?exact=true&briefRepresentation=true&max=" + PAGE_SIZE + "&search="
                                + KeycloakHttp.query(displayName),
                        "search organizations"),
                alias);
        if (byName.isPresent()) {
            return byName;
        }
        for (int first = 0; ; first += PAGE_SIZE) {
            JsonArray page = getArray(
                    "/organizations?briefRepresentation=true&first=" + first + "&max=" + PAGE_SIZE,
                    "list organizations");
            Optional<String> found = withAlias(page, alias);
            if (found.isPresent() || page.size() < PAGE_SIZE) {
                return found;
            }
        }
    }

    @Override
    public Optional<String> findOrganization(String alias, String displayName) {
        return findOrganizationByAlias(alias, displayName);
    }

    private static Optional<String> withAlias(JsonArray organizations, String alias) {
        return organizations.getValuesAs(JsonObject.class).stream()
                .filter(o -> alias.equals(o.getString("alias", null)))
                .map(o -> o.getString("id"))
                .findFirst();
    }

    @Override
    public void deleteOrganization(String organizationId) {
        deleteTolerating404("/organizations/" + KeycloakHttp.segment(organizationId), "delete organization");
    }

    @Override
    public Provisioned ensureUser(String email, String firstName, String lastName) {
        Optional<String> existing = findUserByEmail(email);
        if (existing.isPresent()) {
            return new Provisioned(existing.get(), false);
        }
        JsonObject body = Json.createObjectBuilder()
                .add("username", email)
                .add("email", email)
                .add("firstName", firstName)
                .add("lastName", lastName)
                .add("enabled", true)
                .add("emailVerified", false)
                .add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD"))
                .build();
        HttpResponse<String> response = send("POST", "/users", body, timeout, "create user");
        switch (response.statusCode()) {
            case 201:
                String id = KeycloakHttp.idFromLocation(response, "create user");
                LOG.fine(() -> "Created user " + id);
                return new Provisioned(id, true);
            case 409:
                // Created concurrently since the search, or the username is held by a user with
                // another e-mail (the latter is a genuine conflict).
                return findUserByEmail(email)
                        .map(found -> new Provisioned(found, false))
                        .orElseThrow(() -> rejected("create user", response));
            default:
                throw rejected("create user", response);
        }
    }

    private Optional<String> findUserByEmail(String email) {
        JsonArray users = getArray(
                "/users?exact=true&briefRepresentation=true&email=" + KeycloakHttp.query(email), "search users");
        // Keycloak stores e-mails lower-cased; compare the same way.
        return users.getValuesAs(JsonObject.class).stream()
                .filter(u -> email.equalsIgnoreCase(u.getString("email", null)))
                .map(u -> u.getString("id"))
                .findFirst();
    }

    @Override
    public Optional<String> findUnattachedUserCreatedSince(String email, Instant since) {
        JsonArray users = getArray(
                "/users?exact=true&briefRepresentation=false&email=" + KeycloakHttp.query(email), "search users");
        Optional<JsonObject> user = users.getValuesAs(JsonObject.class).stream()
                .filter(u -> email.equalsIgnoreCase(u.getString("email", null)))
                .findFirst();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        JsonNumber created = user.get().getJsonNumber("createdTimestamp");
        if (created == null || Instant.ofEpochMilli(created.longValue()).isBefore(since)) {
            return Optional.empty();
        }
        String id = user.get().getString("id");
        JsonArray organizations = getArray(
                "/organizations/members/" + KeycloakHttp.segment(id) + "/organizations?briefRepresentation=true",
                "list the user's organizations");
        return organizations.isEmpty() ? Optional.of(id) : Optional.empty();
    }

    @Override
    public void deleteUser(String userId) {
        deleteTolerating404("/users/" + KeycloakHttp.segment(userId), "delete user");
    }

    @Override
    public void addMember(String organizationId, String userId) {
        JsonString body = Json.createValue(userId);
        HttpResponse<String> response = send(
                "POST",
                "/organizations/" + KeycloakHttp.segment(organizationId) + "/members",
                body,
                timeout,
                "add member");
        int status = response.statusCode();
        if (status != 201 && status != 204 && status != 409) {
            throw rejected("add member", response);
        }
    }

    @Override
    public void removeMember(String organizationId, String userId) {
        deleteTolerating404(
                "/organizations/" + KeycloakHttp.segment(organizationId) + "/members/" + KeycloakHttp.segment(userId),
                "remove member");
    }

    @Override
    public boolean isReachable() {
        try {
            // Goes through the service account on purpose: wrong credentials make us unready too.
            HttpResponse<String> response =
                    send("GET", "/organizations/count", null, REACHABILITY_TIMEOUT, "count organizations");
            return response.statusCode() == 200;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Keycloak not reachable: {0}", e.getMessage());
            return false;
        }
    }

    private void deleteTolerating404(String path, String operation) {
        HttpResponse<String> response = send("DELETE", path, null, timeout, operation);
        int status = response.statusCode();
        if (status != 204 && status != 200 && status != 404) {
            throw rejected(operation, response);
        }
    }

    private JsonArray getArray(String path, String operation) {
        HttpResponse<String> response = send("GET", path, null, timeout, operation);
        if (response.statusCode() != 200) {
            throw rejected(operation, response);
        }
        JsonValue value = KeycloakHttp.parse(response.body(), operation);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IdentityUnavailableException("Keycloak answered " + operation + " with unexpected content");
        }
        return value.asJsonArray();
    }

    /**
     * Sends an admin request with the service-account token; retries once with a fresh token on
     * 401 (token revoked, or Keycloak restarted with new keys). Returns any status below 500.
     */
    private HttpResponse<String> send(
            String method, String path, JsonValue body, Duration requestTimeout, String operation) {
        URI uri = URI.create(baseUrl + "/admin/realms/" + KeycloakHttp.segment(realm) + path);
        String accessToken = token.get(requestTimeout);
        HttpResponse<String> response = exchange(method, uri, body, accessToken, requestTimeout, operation);
        if (response.statusCode() == 401) {
            token.invalidate(accessToken);
            response = exchange(method, uri, body, token.get(requestTimeout), requestTimeout, operation);
            if (response.statusCode() == 401) {
                throw new IdentityUnavailableException(
                        "Keycloak refused the platform's service-account token for " + operation);
            }
        }
        if (response.statusCode() >= 500) {
            throw new IdentityUnavailableException("Keycloak answered " + response.statusCode() + " to " + operation);
        }
        return response;
    }

    private HttpResponse<String> exchange(
            String method, URI uri, JsonValue body, String accessToken, Duration requestTimeout, String operation) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return KeycloakHttp.send(http, request.build(), operation);
    }

    private static IdentityRejectedException rejected(String operation, HttpResponse<String> response) {
        return new IdentityRejectedException("Keycloak rejected " + operation + ": "
                + KeycloakHttp.errorMessage(response) + " (HTTP " + response.statusCode() + ")");
    }
}
