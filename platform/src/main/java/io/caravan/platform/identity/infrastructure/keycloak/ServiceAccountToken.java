package io.caravan.platform.identity.infrastructure.keycloak;

import io.caravan.platform.identity.application.IdentityUnavailableException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The platform's client-credentials access token, cached until shortly before it expires.
 * Never exposes the secret or the token in messages.
 */
final class ServiceAccountToken {
    private static final long MAX_EXPIRY_MARGIN_SECONDS = 30;

    private final HttpClient http;
    private final URI endpoint;
    private final String form;

    private record Cached(String value, long refreshAtNanos) {}

    private volatile Cached cached;

    ServiceAccountToken(HttpClient http, URI endpoint, String clientId, String clientSecret) {
        this.http = http;
        this.endpoint = endpoint;
        this.form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    }

    String get(Duration timeout) {
        Cached current = cached;
        if (current != null && System.nanoTime() - current.refreshAtNanos() < 0) {
            return current.value();
        }
        synchronized (this) {
            current = cached;
            if (current != null && System.nanoTime() - current.refreshAtNanos() < 0) {
                return current.value();
            }
            Cached fresh = fetch(timeout);
            cached = fresh;
            return fresh.value();
        }
    }

    /** Drops the cached token if it is still the one that was refused. */
    synchronized void invalidate(String refused) {
        Cached current = cached;
        if (current != null && current.value().equals(refused)) {
            cached = null;
        }
    }

    private Cached fetch(Duration timeout) {
        long requestedAt = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = KeycloakHttp.send(http, request, "the service-account token request");
        if (response.statusCode() >= 500) {
            throw new IdentityUnavailableException(
                    "Keycloak answered " + response.statusCode() + " to the service-account token request");
        }
        if (response.statusCode() != 200) {
            // Also for 4xx: wrong client secret or realm is a platform misconfiguration, not a
            // problem with the caller's request, so callers must not report it as one.
            throw new IdentityUnavailableException("Keycloak refused the platform's service-account token request: "
                    + KeycloakHttp.errorMessage(response) + " (HTTP " + response.statusCode() + ")");
        }
        JsonValue body = KeycloakHttp.parse(response.body(), "the service-account token request");
        if (body.getValueType() != JsonValue.ValueType.OBJECT
                || !(body.asJsonObject().get("access_token") instanceof JsonString)) {
            throw new IdentityUnavailableException("Keycloak's token response has no access_token");
        }
        JsonObject json = body.asJsonObject();
        long lifetime = json.getJsonNumber("expires_in") == null
                ? 60
                : json.getJsonNumber("expires_in").longValue();
        long margin = Math.min(MAX_EXPIRY_MARGIN_SECONDS, lifetime / 10);
        return new Cached(
                json.getString("access_token"),
                requestedAt + Duration.ofSeconds(Math.max(0, lifetime - margin)).toNanos());
    }
}
