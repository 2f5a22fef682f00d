package io.caravan.platform.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Keycloak for integration tests, one per test JVM, started from the unpacked server
 * distribution in production mode ({@code kc.sh build} once, then {@code start --optimized}).
 *
 * <p>System properties: {@code caravan.it.keycloak.home} (unpacked distribution, required),
 * {@code caravan.it.keycloak.realm-file} (required), {@code caravan.it.keycloak.port} (18180),
 * {@code caravan.it.keycloak.management-port} (19000), {@code caravan.it.keycloak.log}
 * ({@code target/keycloak-it.log}), {@code caravan.it.keycloak.fresh} (true: the first start in
 * a JVM drops the database, so every run sees exactly the realm file and no earlier test data).
 * The {@code caravan-platform} secret is {@code CARAVAN_KEYCLOAK_CLIENT_SECRET} or the realm
 * file's dev default.
 */
public final class KeycloakServer {
    private static final String BUILD_OPTIONS = "--db=dev-file --health-enabled=true";
    private static final String BUILD_MARKER = "caravan-it-build.options";
    private static final String REALM = "caravan";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 80;

    private static KeycloakServer instance;

    private final Path home;
    private final Path realmFile;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final boolean fresh;
    private final String platformSecret;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Process process;
    private boolean startedBefore;

    private KeycloakServer() {
        this.home = Path.of(required("caravan.it.keycloak.home")).toAbsolutePath();
        this.realmFile = Path.of(required("caravan.it.keycloak.realm-file")).toAbsolutePath();
        this.log = Path.of(System.getProperty("caravan.it.keycloak.log", "target/keycloak-it.log")).toAbsolutePath();
        this.port = Integer.getInteger("caravan.it.keycloak.port", 18180);
        this.managementPort = Integer.getInteger("caravan.it.keycloak.management-port", 19000);
        this.fresh = Boolean.parseBoolean(System.getProperty("caravan.it.keycloak.fresh", "true"));
        this.platformSecret = Optional.ofNullable(System.getenv("CARAVAN_KEYCLOAK_CLIENT_SECRET"))
                .filter(s -> !s.isBlank())
                .orElse("caravan-platform-dev-secret");
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
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the server and waits until it is ready. Keeps the data of an earlier start. */
    public synchronized void start() {
        if (running()) {
            return;
        }
        long begin = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            failIfPortTaken(port);
            failIfPortTaken(managementPort);
            buildIfNeeded();
            boolean firstStart = !startedBefore;
            if (firstStart && fresh) {
                deleteRecursively(home.resolve("data/h2"));
                deleteRecursively(home.resolve("data/transaction-logs"));
            }
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);

            List<String> command = new ArrayList<>(List.of(kcScript().toString(), "start", "--optimized",
                    "--cache=local",
                    "--http-enabled=true",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--hostname=" + url(),
                    "--http-management-port=" + managementPort));
            if (firstStart) {
                // An existing realm is skipped anyway; restarts need not read the file at all.
                command.add("--import-realm");
            }
            appendToLog("\n==== " + String.join(" ", command) + "\n");
            process = processBuilder(command).start();
            startedBefore = true;
            awaitReady();
            System.out.printf("Keycloak ready at %s in %.1f s%n", url(), (System.nanoTime() - begin) / 1e9);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the server (the kc.sh shell and its JVM) and waits until both have exited. */
    public synchronized void stop() {
        Process current = process;
        process = null;
        if (current == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(current.descendants().toList());
        tree.add(current.toHandle());
        tree.forEach(ProcessHandle::destroy); // SIGTERM: Keycloak shuts down cleanly (~2-3 s)
        if (!awaitExit(tree, STOP_TIMEOUT)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, STOP_TIMEOUT);
        }
    }

    /** Password grant through {@code caravan-cli} with scope {@code openid organization:*}. */
    public String passwordToken(String username, String password) {
        HttpResponse<String> response = post(url() + "/realms/" + REALM + "/protocol/openid-connect/token",
                form(Map.of("grant_type", "password", "client_id", "caravan-cli", "username", username,
                        "password", password, "scope", "openid organization:*")));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Password grant for " + username + " failed: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return json(response.body()).asJsonObject().getString("access_token");
    }

    /** Sets a permanent password and clears required actions, so the password grant works. */
    public void setPassword(String email, String password) {
        String token = serviceAccountToken();
        JsonObject user = findUser(token, email)
                .orElseThrow(() -> new IllegalStateException("No Keycloak user with e-mail " + email));
        String userUrl = adminUrl("/users/" + user.getString("id"));
        expect(204, admin(token, "PUT", userUrl + "/reset-password", Json.createObjectBuilder()
                .add("type", "password").add("value", password).add("temporary", false).build()),
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
                .add("attributes", Json.createObjectBuilder(attributes)
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
        HttpResponse<String> response = post(url() + "/realms/master/protocol/openid-connect/token",
                form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", "admin")));
        expect(200, response, "master admin password grant");
        return json(response.body()).asJsonObject().getString("access_token");
    }

    public boolean organizationExists(String alias) {
        String token = serviceAccountToken();
        int pageSize = 100;
        for (int first = 0; ; first += pageSize) {
            HttpResponse<String> response = admin(token, "GET",
                    adminUrl("/organizations?briefRepresentation=true&first=" + first + "&max=" + pageSize), null);
            expect(200, response, "list organizations");
            JsonArray page = json(response.body()).asJsonArray();
            if (page.getValuesAs(JsonObject.class).stream().anyMatch(o -> alias.equals(o.getString("alias", null)))) {
                return true;
            }
            if (page.size() < pageSize) {
                return false;
            }
        }
    }

    public boolean userExists(String email) {
        return findUser(serviceAccountToken(), email).isPresent();
    }

    private Optional<JsonObject> findUser(String token, String email) {
        HttpResponse<String> response = admin(token, "GET",
                adminUrl("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)), null);
        expect(200, response, "search user " + email);
        return json(response.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(u -> email.equalsIgnoreCase(u.getString("email", null)))
                .findFirst();
    }

    private String serviceAccountToken() {
        HttpResponse<String> response = post(url() + "/realms/" + REALM + "/protocol/openid-connect/token",
                form(Map.of("grant_type", "client_credentials", "client_id", "caravan-platform",
                        "client_secret", platformSecret)));
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
            throw new IllegalStateException("Keycloak: " + what + " failed: HTTP " + response.statusCode() + " "
                    + response.body());
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

    // --- process management ---

    /** {@code kc.sh build} bakes build-time options into lib/quarkus; redo it only when they change. */
    private void buildIfNeeded() throws IOException {
        Path marker = home.resolve("lib").resolve(BUILD_MARKER);
        if (Files.exists(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(kcScript().toString(), "build"));
        command.addAll(List.of(BUILD_OPTIONS.split(" ")));
        appendToLog("\n==== " + String.join(" ", command) + "\n");
        long begin = System.nanoTime();
        Process build = processBuilder(command).start();
        try {
            if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                build.descendants().forEach(ProcessHandle::destroyForcibly);
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not finish in " + BUILD_TIMEOUT.toSeconds()
                        + " s. Log " + log + ":\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            build.destroyForcibly();
            throw new IllegalStateException("Interrupted during kc.sh build", e);
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed (exit " + build.exitValue() + "). Log " + log + ":\n"
                    + logTail());
        }
        Files.writeString(marker, BUILD_OPTIONS);
        System.out.printf("Keycloak built in %.1f s%n", (System.nanoTime() - begin) / 1e9);
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // Java 25: Keycloak's shutdown otherwise logs an InaccessibleObjectException.
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        if (command.contains("start")) {
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            env.put("CARAVAN_KEYCLOAK_CLIENT_SECRET", platformSecret);
        }
        // Failsafe may hand its own agent/options down; Keycloak must not inherit them.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        return builder;
    }

    private void awaitReady() {
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long pauseMillis = 100;
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before becoming ready. Log " + log + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Keycloak not ready after " + READY_TIMEOUT.toSeconds() + " s. Log "
                        + log + ":\n" + logTail());
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 1000);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : processes) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0) {
                    return processes.stream().noneMatch(ProcessHandle::isAlive);
                }
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // onExit does not fail; treat as exited
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** A leftover Keycloak (e.g. from a killed test run) would hold the ports and the H2 file lock. */
    private static void failIfPortTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            return;
        }
        throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use - a Keycloak left over from"
                + " an earlier run? Stop it first.");
    }

    private Path kcScript() {
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (missing bin/kc.sh)");
        }
        if (!Files.isExecutable(script)) {
            script.toFile().setExecutable(true);
        }
        return script;
    }

    private void appendToLog(String text) throws IOException {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
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
