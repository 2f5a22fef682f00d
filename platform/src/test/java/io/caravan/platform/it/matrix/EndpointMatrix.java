package io.caravan.platform.it.matrix;

import io.caravan.platform.it.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@link EndpointTable} against the deployed application: every operation of its OpenAPI
 * document, as every {@link Caller}. Refusals first (all non-control callers), then the target's
 * state is compared with what it was before, then the control callers' calls in table order.
 */
public final class EndpointMatrix {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** What a run found: every failing cell, how many cells ran, and each operation's row of statuses. */
    public record Result(List<String> failures, int cells, Map<String, Map<Caller, Integer>> grid) {
        public String table() {
            StringBuilder out = new StringBuilder("operation");
            for (Caller caller : Caller.values()) {
                out.append(" | ").append(caller.name());
            }
            out.append('\n');
            grid.forEach((operation, row) -> {
                out.append(operation);
                for (Caller caller : Caller.values()) {
                    out.append(" | ").append(row.getOrDefault(caller, 0));
                }
                out.append('\n');
            });
            return out.toString();
        }
    }

    private EndpointMatrix() {}

    /**
     * The operations the deployed application's OpenAPI document lists ({@code GET /openapi} at the
     * server root), as {@code METHOD /api/…}: the context root the test deployment has is cut off.
     */
    public static Set<String> documentedOperations(URL deployment) {
        URI root = URI.create(deployment.toString().replace("://localhost:", "://127.0.0.1:"))
                .resolve("/openapi?format=JSON");
        HttpRequest request = HttpRequest.newBuilder(root)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .build();
        String body;
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + root + ": HTTP " + response.statusCode());
            }
            body = response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + root + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        JsonObject paths;
        try (var reader = Json.createReader(new StringReader(body))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> {
            int api = path.indexOf("/api/");
            String normalized = api < 0 ? path : path.substring(api);
            item.asJsonObject().keySet().stream()
                    .filter(METHODS::contains)
                    .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + normalized));
        });
        return operations;
    }

    /** The expired token must be refused before the matrix relies on it: waits until it is, up to 30 s. */
    public static void awaitExpiry(MatrixFixture fixture) {
        Api expired = fixture.callers.get(Caller.EXPIRED);
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Api.Reply reply = expired.get("api/me");
            if (reply.status() == 401) {
                return;
            }
            if (reply.status() != 200 || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the expired token is still " + reply + " 30 s after it was to expire");
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    public static Result run(MatrixFixture fixture, List<Entry> entries) {
        List<String> failures = new ArrayList<>();
        Map<String, Map<Caller, Integer>> grid = new LinkedHashMap<>();
        int cells = 0;
        Map<String, String> before = fixture.state();
        for (Entry entry : entries) {
            Map<Caller, Integer> row = grid.computeIfAbsent(entry.key(), k -> new EnumMap<>(Caller.class));
            for (Caller caller : Caller.values()) {
                if (caller == entry.control()) {
                    continue;
                }
                cells++;
                check(fixture, entry, caller, false, failures, row);
            }
        }
        Map<String, String> after = fixture.state();
        before.forEach((what, was) -> {
            String now = after.get(what);
            if (!was.equals(now)) {
                failures.add("refused calls changed the " + what + ":\n  before " + was + "\n  after  " + now);
            }
        });
        for (Entry entry : entries) {
            cells++;
            check(fixture, entry, entry.control(), true, failures, grid.get(entry.key()));
        }
        return new Result(failures, cells, grid);
    }

    private static void check(
            MatrixFixture fixture,
            Entry entry,
            Caller caller,
            boolean control,
            List<String> failures,
            Map<Caller, Integer> row) {
        String path = path(fixture, entry, caller);
        Api api = fixture.callers.get(caller);
        Api.Reply reply;
        if (entry.jar != null) {
            reply = api.send(entry.method, path, entry.jar.apply(fixture), "application/java-archive");
        } else if (entry.csv != null) {
            reply = api.send(
                    entry.method,
                    path,
                    entry.csv.apply(fixture).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "text/csv");
        } else {
            var body = control && entry.controlBody != null ? entry.controlBody : entry.body;
            reply = api.send(entry.method, path, body == null ? null : body.apply(fixture));
        }
        row.put(caller, reply.status());
        int expected = entry.expected(caller);
        String cell = entry + " as " + caller + " (" + entry.method + " " + path + ")";
        if (reply.status() != expected) {
            failures.add(cell + ": expected " + expected + ", got " + abbreviated(reply));
            return;
        }
        if (reply.status() >= 400) {
            String problem = problem(reply);
            if (problem != null) {
                failures.add(cell + ": refusal " + problem + ": " + abbreviated(reply));
            }
            String leak = leak(reply.body(), fixture.markers, fixture.hex);
            if (leak != null) {
                failures.add(cell + ": refusal shows the target's data '" + leak + "': " + abbreviated(reply));
            }
        } else if (!entry.insider(caller)) {
            List<String> theirs = new ArrayList<>(fixture.markers);
            theirs.add(fixture.target.slug());
            theirs.add(fixture.suspended.slug());
            theirs.add(fixture.listing);
            String leak = leak(reply.body(), theirs, fixture.hex);
            if (leak != null) {
                failures.add(cell + ": answer shows the target's data '" + leak + "': " + abbreviated(reply));
            }
        }
    }

    /** Why the reply is not an RFC 9457 problem document for its status, or null when it is one. */
    private static String problem(Api.Reply reply) {
        if (!reply.isProblem()) {
            return "is not application/problem+json";
        }
        try {
            JsonObject problem = reply.json();
            if (problem.getInt("status", -1) != reply.status()) {
                return "names status " + problem.get("status");
            }
            if (!problem.containsKey("type") || !problem.containsKey("title")) {
                return "has no type or title";
            }
            return null;
        } catch (RuntimeException e) {
            return "is not a JSON object";
        }
    }

    private static String leak(String body, List<String> markers, String hex) {
        if (body.contains(hex)) {
            return hex;
        }
        return markers.stream().filter(body::contains).findFirst().orElse(null);
    }

    private static String path(MatrixFixture f, Entry entry, Caller caller) {
        MatrixFixture.Target store = caller.onSuspendedStore() ? f.suspended : f.target;
        Matcher m = PARAM.matcher(entry.path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (entry.params.containsKey(name)) {
                value = entry.params.get(name).apply(f);
            } else {
                value = switch (name) {
                    case "store" -> entry.audience == Entry.Audience.ADMIN ? f.spare : store.slug();
                    case "plugin", "slug" -> f.listing;
                    case "member" -> store.memberId();
                    case "key" -> store.keyId();
                    case "version" -> "1.0.0";
                    default -> throw new IllegalStateException(entry + ": no value for {" + name + "}");
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.substring(1);
    }

    private static String abbreviated(Api.Reply reply) {
        String text = reply.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
