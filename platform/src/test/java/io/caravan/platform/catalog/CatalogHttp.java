package io.caravan.platform.catalog;

import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The catalogue ITs' HTTP client: like {@code it.support.Api}, plus request headers (If-Match) and
 * the answer's headers (ETag, Location), and streamed CSV bodies.
 */
public final class CatalogHttp {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String header;
    private final String credential;

    private CatalogHttp(URI base, String header, String credential) {
        this.base = base;
        this.header = header;
        this.credential = credential;
    }

    public static CatalogHttp signedIn(URL deployment, String token) {
        return new CatalogHttp(uri(deployment), "Authorization", "Bearer " + token);
    }

    public static CatalogHttp apiKey(URL deployment, String key) {
        return new CatalogHttp(uri(deployment), "X-Caravan-Api-Key", key);
    }

    /** The owner of a newly onboarded store. */
    public static CatalogHttp newStoreOwner(URL deployment, String slug) {
        String adminToken = Stores.demoToken("ada");
        CatalogHttp admin = signedIn(deployment, adminToken);
        Reply onboarded = admin.post("api/admin/stores", Stores.onboardRequest(slug, Stores.ownerEmail(slug)));
        if (onboarded.status() != 201) {
            throw new IllegalStateException("onboarding " + slug + " failed: " + onboarded);
        }
        return signedIn(deployment, Stores.signIn(Stores.ownerEmail(slug)));
    }

    private static URI uri(URL deployment) {
        return URI.create(
                deployment.toString().replace("://localhost:", "://127.0.0.1:").replaceAll("/?$", "/"));
    }

    public Reply get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null, null);
    }

    public Reply post(String path, JsonStructure body) {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body.toString()), "application/json", null);
    }

    public Reply put(String path, JsonStructure body, String ifMatch) {
        return send("PUT", path, HttpRequest.BodyPublishers.ofString(body.toString()), "application/json", ifMatch);
    }

    public Reply csv(String path, HttpRequest.BodyPublisher body) {
        return send("POST", path, body, "text/csv", null);
    }

    public Reply send(String method, String path, HttpRequest.BodyPublisher body, String contentType, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
                .timeout(Duration.ofSeconds(300))
                .header("Accept", "application/json, application/problem+json")
                .header(header, credential)
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An HTTP answer with its headers. */
    public record Reply(int status, String body, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String etag() {
            return header("ETag");
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray array() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        /** The fields a problem document's errors name. */
        public List<String> errorFields() {
            return json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("field"))
                    .toList();
        }

        public boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 1500 ? body.substring(0, 1500) + "…" : body);
        }
    }
}
