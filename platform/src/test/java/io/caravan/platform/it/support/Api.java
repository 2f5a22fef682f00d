package io.caravan.platform.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the platform's API, speaking JSON, with a bearer token or an API key. */
public final class Api {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String bearer;
    private final String apiKey;
    private final java.util.Map<String, String> headers;

    private Api(URI base, String bearer, String apiKey) {
        this(base, bearer, apiKey, java.util.Map.of());
    }

    private Api(URI base, String bearer, String apiKey, java.util.Map<String, String> headers) {
        this.base = base;
        this.bearer = bearer;
        this.apiKey = apiKey;
        this.headers = headers;
    }

    /** {@code deployment} is the URL Arquillian gives for the deployed application. */
    public static Api anonymous(URL deployment) {
        // Liberty listens on 127.0.0.1 only; "localhost" may resolve to ::1 first.
        String url =
                deployment.toString().replace("://localhost:", "://127.0.0.1:").replaceAll("/?$", "/");
        return new Api(URI.create(url), null, null);
    }

    /** The bearer token this API sends, or null. */
    public String bearer() {
        return bearer;
    }

    public Api withToken(String token) {
        return new Api(base, token, null);
    }

    public Api withApiKey(String key) {
        return new Api(base, null, key);
    }

    /** The same credentials, sending one more header on every request (an Idempotency-Key). */
    public Api withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, bearer, apiKey, java.util.Map.copyOf(more));
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply post(String path, JsonStructure body) {
        return send("POST", path, body == null ? "" : body.toString());
    }

    public Reply put(String path, JsonStructure body) {
        return send("PUT", path, body.toString());
    }

    /** Uploads bytes (a plugin bundle) with the given content type. */
    public Reply upload(String path, byte[] bytes, String contentType) {
        return send("POST", path, bytes, contentType);
    }

    /** Sends raw bytes with the given content type, with whichever credentials this API carries. */
    public Reply send(String method, String path, byte[] body, String contentType) {
        return exchange(
                method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType, Duration.ofSeconds(120));
    }

    /** Sends a raw body, for malformed-input tests. */
    public Reply send(String method, String path, String body) {
        return body == null
                ? exchange(method, path, HttpRequest.BodyPublishers.noBody(), null, Duration.ofSeconds(60))
                : exchange(
                        method,
                        path,
                        HttpRequest.BodyPublishers.ofString(body),
                        "application/json",
                        Duration.ofSeconds(60));
    }

    private Reply exchange(
            String method, String path, HttpRequest.BodyPublisher body, String contentType, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (apiKey != null) {
            request.header("X-Caravan-Api-Key", apiKey);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Reply(int status, String contentType, String body, String location) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonValue parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            String reply = status + " " + contentType + " " + body;
            String logged = status >= 500 ? ServerLog.incidentOf(body) : null;
            return logged == null ? reply : reply + "\nwhat the server logged:\n" + logged;
        }
    }
}
