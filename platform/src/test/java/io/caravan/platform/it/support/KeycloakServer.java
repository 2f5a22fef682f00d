package io.caravan.platform.it.support;

import io.caravan.stack.KeycloakDistribution;
import io.caravan.stack.KeycloakLauncher;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A real Keycloak for integration tests, one per test JVM: started and stopped through the
 * stack's {@link KeycloakLauncher} (the same launcher as {@code ./caravan run}), plus the
 * Keycloak admin calls the tests need.
 *
 * <p>System properties: {@code caravan.it.keycloak.home} (the server's home, required): when
 * {@code caravan.it.keycloak.zip}, {@code .cache} and {@code .version} are given it is linked to the
 * machine's prepared distribution ({@link KeycloakDistribution}), built once per machine;
 * {@code caravan.it.keycloak.realm-file} (required), {@code caravan.it.keycloak.port} (18180),
 * {@code caravan.it.keycloak.management-port} (19000), {@code caravan.it.keycloak.log}
 * ({@code target/keycloak-it.log}), {@code caravan.it.keycloak.fresh} (true: the first start in
 * a JVM drops the database, so every run sees exactly the realm file and no earlier test data).
 * The {@code caravan-platform} secret is {@code CARAVAN_KEYCLOAK_CLIENT_SECRET} or the realm
 * file's dev default.
 */
public final class KeycloakServer {
    private static final String REALM = KeycloakLauncher.REALM;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static KeycloakServer instance;

    private final KeycloakLauncher launcher;
    private final boolean fresh;
    private final String platformSecret;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private boolean startedBefore;

    private KeycloakServer() {
        Path log = Path.of(System.getProperty("caravan.it.keycloak.log", "target/keycloak-it.log"));
        this.fresh = Boolean.parseBoolean(System.getProperty("caravan.it.keycloak.fresh", "true"));
        this.platformSecret = Optional.ofNullable(System.getenv("CARAVAN_KEYCLOAK_CLIENT_SECRET"))
                .filter(s -> !s.isBlank())
                .orElse("caravan-platform-dev-secret");
        Path home = Path.of(required("caravan.it.keycloak.home"));
        String zip = System.getProperty("caravan.it.keycloak.zip");
        if (zip != null && !zip.isBlank()) {
            // The machine's prepared distribution (built once, outside the clone), linked into target/.
            long begin = System.nanoTime();
            Path prepared = KeycloakDistribution.prepared(
                    Path.of(required("caravan.it.keycloak.cache")),
                    required("caravan.it.keycloak.version"),
                    KeycloakDistribution.fromZip(Path.of(zip)),
                    log);
            KeycloakDistribution.instantiate(prepared, home);
            System.out.printf(
                    "Keycloak home %s from %s in %.1f s%n", home, prepared, (System.nanoTime() - begin) / 1e9);
        }
        this.launcher = new KeycloakLauncher(new KeycloakLauncher.Settings(
                home,
                Path.of(required("caravan.it.keycloak.realm-file")),
                log,
                log,
                Integer.getInteger("caravan.it.keycloak.port", 18180),
                Integer.getInteger("caravan.it.keycloak.management-port", 19000),
                KeycloakLauncher.SHARED_BUILD_MARKER,
                Map.of("CARAVAN_KEYCLOAK_CLIENT_SECRET", platformSecret)));
    }

    /** The shared server, started (or restarted after a {@link #stop()}) if it is not running. */
    public static synchronized KeycloakServer get() {
        if (instance == null) {
            KeycloakServer server = new KeycloakServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-it-stop"));
            instance = server;
        }
        if (!instance.running()) {
            instance.start();
        }
        return instance;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:18180} (also the token issuer's host). */
    public String url() {
        return launcher.url();
    }

    public String issuer() {
        return launcher.issuer();
    }

    public synchronized boolean running() {
        return launcher.running();
    }

    /** Starts the server and waits until it is ready. Keeps the data of an earlier start. */
    public synchronized void start() {
        if (running()) {
            return;
        }
        long begin = System.nanoTime();
        try {
            if (launcher.prepare()) {
                System.out.printf("Keycloak built in %.1f s%n", (System.nanoTime() - begin) / 1e9);
            }
            boolean firstStart = !startedBefore;
            if (firstStart && fresh) {
                launcher.deleteDatabase();
            }
            // An existing realm is skipped anyway; restarts need not read the file at all.
            launcher.start(firstStart);
            startedBefore = true;
            launcher.awaitReady(READY_TIMEOUT);
            System.out.printf("Keycloak ready at %s in %.1f s%n", url(), (System.nanoTime() - begin) / 1e9);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the server (the kc.sh shell and its JVM) and waits until both have exited. */
    public synchronized void stop() {
        launcher.stop(STOP_TIMEOUT);
    }

    /** Password grant through {@code caravan-cli} with scope {@code openid organization:*}. */
    public String passwordToken(String username, String password) {
        HttpResponse<String> response = post(
                url() + "/realms/" + REALM + "/protocol/openid-connect/token",
                form(Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "caravan-cli",
                        "username",
                        username,
                        "password",
                        password,
                        "scope",
                        "openid organization:*")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Password grant for " + username + " failed: HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return json(response.body()).asJsonObject().getString("access_token");
    }

    /** Sets a permanent password and clears required actions, so the password grant works. */
    public void setPassword(String email, String password) {
        String token = serviceAccountToken();
        JsonObject user = findUser(token, email)
                .orElseThrow(() -> new IllegalStateException("No Keycloak user with e-mail " + email));
        String userUrl = adminUrl("/users/" + user.getString("id"));
        expect(
                204,
                admin(
                        token,
                        "PUT",
                        userUrl + "/reset-password",
                        Json.createObjectBuilder()
                                .add("type", "password")
                                .add("value", password)
                                .add("temporary", false)
                                .build()),
                "reset password of " + email);
        // Round-trip the full representation: a partial PUT may clear profile attributes.
        HttpResponse<String> current = admin(token, "GET", userUrl, null);
        expect(200, current, "read user " + email);
        JsonObject updated = Json.createObjectBuilder(json(current.body()).asJsonObject())
                .add("requiredActions", JsonValue.EMPTY_JSON_ARRAY)
                .build();
        expect(204, admin(token, "PUT", userUrl, updated), "clear required actions of " + email);
    }

    /**
     * A token for {@code username} that expires after {@code lifespan}: the {@code caravan-cli}
     * client's token lifespan is lowered for one grant and restored at once (through the master
     * realm's bootstrap admin, as an operator would).
     */
    public synchronized String shortLivedToken(String username, String password, Duration lifespan) {
        String adminToken = masterAdminToken();
        HttpResponse<String> clients = admin(adminToken, "GET", adminUrl("/clients?clientId=caravan-cli"), null);
        expect(200, clients, "find client caravan-cli");
        JsonObject client = json(clients.body()).asJsonArray().getJsonObject(0);
        String clientUrl = adminUrl("/clients/" + client.getString("id"));
        JsonObject attributes = client.getJsonObject("attributes");
        JsonObject shortened = Json.createObjectBuilder(client)
                .add(
                        "attributes",
                        Json.createObjectBuilder(attributes)
                                .add("access.token.lifespan", String.valueOf(lifespan.toSeconds())))
                .build();
        expect(204, admin(adminToken, "PUT", clientUrl, shortened), "shorten caravan-cli token lifespan");
        try {
            return passwordToken(username, password);
        } finally {
            expect(204, admin(adminToken, "PUT", clientUrl, client), "restore caravan-cli token lifespan");
        }
    }

    private String masterAdminToken() {
        HttpResponse<String> response = post(
                url() + "/realms/master/protocol/openid-connect/token",
                form(Map.of(
                        "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")));
        expect(200, response, "master admin password grant");
        return json(response.body()).asJsonObject().getString("access_token");
    }

    /**
     * Creates, as the platform's service account would, an organization with this alias and a new
     * user who is its member: what an onboarding that died before registering its store leaves.
     */
    public void createOrganizationWithMember(String alias, String name, String email) {
        String token = serviceAccountToken();
        expect(
                201,
                admin(
                        token,
                        "POST",
                        adminUrl("/organizations"),
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("alias", alias)
                                .add("enabled", true)
                                .build()),
                "create organization " + alias);
        expect(
                201,
                admin(
                        token,
                        "POST",
                        adminUrl("/users"),
                        Json.createObjectBuilder()
                                .add("username", email)
                                .add("email", email)
                                .add("enabled", true)
                                .build()),
                "create user " + email);
        String orgId = organizationId(token, alias).orElseThrow();
        String userId = findUser(token, email).orElseThrow().getString("id");
        HttpResponse<String> member =
                admin(token, "POST", adminUrl("/organizations/" + orgId + "/members"), Json.createValue(userId));
        if (member.statusCode() != 201 && member.statusCode() != 204) {
            throw new IllegalStateException("Keycloak: add member failed: HTTP " + member.statusCode());
        }
    }

    public boolean organizationExists(String alias) {
        return organizationId(serviceAccountToken(), alias).isPresent();
    }

    /** The e-mails of the members of the organization with this alias (empty when there is none). */
    public java.util.List<String> organizationMemberEmails(String alias) {
        String token = serviceAccountToken();
        Optional<String> id = organizationId(token, alias);
        if (id.isEmpty()) {
            return java.util.List.of();
        }
        HttpResponse<String> members =
                admin(token, "GET", adminUrl("/organizations/" + id.get() + "/members?max=1000"), null);
        expect(200, members, "list members of " + alias);
        return json(members.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("email", ""))
                .sorted()
                .toList();
    }

    /** Keycloak's admin API cannot look an organization up by alias: page through them all. */
    private Optional<String> organizationId(String token, String alias) {
        int pageSize = 100;
        for (int first = 0; ; first += pageSize) {
            HttpResponse<String> response = admin(
                    token,
                    "GET",
                    adminUrl("/organizations?briefRepresentation=true&first=" + first + "&max=" + pageSize),
                    null);
            expect(200, response, "list organizations");
            JsonArray page = json(response.body()).asJsonArray();
            Optional<String> id = page.getValuesAs(JsonObject.class).stream()
                    .filter(o -> alias.equals(o.getString("alias", null)))
                    .map(o -> o.getString("id"))
                    .findFirst();
            if (id.isPresent() || page.size() < pageSize) {
                return id;
            }
        }
    }

    public boolean userExists(String email) {
        return findUser(serviceAccountToken(), email).isPresent();
    }

    private Optional<JsonObject> findUser(String token, String email) {
        HttpResponse<String> response = admin(
                token,
                "GET",
                adminUrl("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)),
                null);
        expect(200, response, "search user " + email);
        return json(response.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(u -> email.equalsIgnoreCase(u.getString("email", null)))
                .findFirst();
    }

    private String serviceAccountToken() {
        HttpResponse<String> response = post(
                url() + "/realms/" + REALM + "/protocol/openid-connect/token",
                form(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "caravan-platform",
                        "client_secret",
                        platformSecret)));
        expect(200, response, "caravan-platform client-credentials grant");
        return json(response.body()).asJsonObject().getString("access_token");
    }

    private String adminUrl(String path) {
        return url() + "/admin/realms/" + REALM + path;
    }

    private HttpResponse<String> admin(String token, String method, String url, JsonValue body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    "Keycloak: " + what + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
    }

    private static JsonValue json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set");
        }
        return value;
    }
}
