package io.caravan.platform.identity.infrastructure.keycloak;

import io.caravan.platform.identity.application.IdentityUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Small HTTP and JSON helpers shared by the Keycloak adapter. */
final class KeycloakHttp {
    private static final int MAX_ERROR_LENGTH = 300;

    private KeycloakHttp() {}

    /** Sends a request; transport failures become {@link IdentityUnavailableException}. */
    static HttpResponse<String> send(HttpClient http, HttpRequest request, String operation) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new IdentityUnavailableException(
                    "Keycloak did not answer " + operation + " within "
                            + request.timeout().map(t -> t.toMillis() + " ms").orElse("the timeout"),
                    e);
        } catch (IOException e) {
            throw new IdentityUnavailableException(
                    "Keycloak unreachable for " + operation + " at "
                            + request.uri().getScheme() + "://" + request.uri().getAuthority() + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailableException("Interrupted while waiting for Keycloak to answer " + operation, e);
        }
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The id of a created object: the last segment of the Location header. */
    static String idFromLocation(HttpResponse<String> response, String operation) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IdentityUnavailableException(
                        "Keycloak answered " + operation + " without a Location header"));
        String path = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static JsonValue parse(String body, String operation) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new IdentityUnavailableException("Keycloak answered " + operation + " with malformed JSON", e);
        }
    }

    /**
     * Keycloak's own words from an error body. It uses several shapes: {@code errorMessage}
     * (admin API, sometimes with {@code field}), {@code error}/{@code error_description}
     * (OAuth and generic JAX-RS errors) and {@code errors[]} (user-profile validation).
     */
    static String errorMessage(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.isEmpty()) {
            return "no details";
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                String message = describe(value.asJsonObject());
                if (message != null) {
                    return truncate(message);
                }
            }
        } catch (JsonException e) {
            // not JSON: fall through to the raw text
        }
        return truncate(body);
    }

    private static String describe(JsonObject error) {
        if (error.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
            return errors.stream()
                    .filter(e -> e.getValueType() == JsonValue.ValueType.OBJECT)
                    .map(e -> describe(e.asJsonObject()))
                    .filter(m -> m != null)
                    .collect(Collectors.joining("; "));
        }
        String message = text(error, "errorMessage");
        if (message == null) {
            message = text(error, "error_description");
        }
        if (message == null) {
            message = text(error, "error");
        }
        String field = text(error, "field");
        return message != null && field != null ? field + ": " + message : message;
    }

    private static String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
