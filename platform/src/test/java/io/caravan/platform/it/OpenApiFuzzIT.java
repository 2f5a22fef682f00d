package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A bounded, seeded fuzz of every operation the deployed OpenAPI document lists: well-formed but
 * hostile values (numbers past every range, fractions, {@code 1e400}, long and odd strings, nulls in
 * lists, members named twice, wrong types, injected path segments) from each operation's own
 * parameters and request schema, sent as the caller the path is for. A finding is any 5xx, any
 * error that is not a problem document with its own status, and any success status the document
 * does not list for the operation. {@code -Dcaravan.fuzz.requests} (default 2,000) and {@code
 * -Dcaravan.fuzz.seed} set the run; the figures go to {@code target/openapi-fuzz-<db>.txt}.
 * PostgreSQL only (the subject is the API, not the database).
 */
class OpenApiFuzzIT extends PlatformIT {
    private static final int REQUESTS = Integer.getInteger("caravan.fuzz.requests", 2_000);
    private static final long SEED = Long.getLong("caravan.fuzz.seed", 20_261_202L);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<String> SEGMENTS = List.of(
            "..",
            "%2e%2e",
            "%2e",
            "a%2Fb",
            "%00",
            "a%20b",
            "%C3%BC%F0%9F%98%80",
            "x".repeat(300),
            "-1",
            "99999999999999999999999",
            "null",
            "%25",
            "admin",
            "%3Cscript%3E",
            "00000000-0000-0000-0000-000000000000");
    private static final List<String> QUERY_VALUES = List.of(
            "-1",
            "0",
            "1",
            "99999999999999999999",
            "1.5",
            "1e400",
            "abc",
            "",
            "%00",
            "%C3%BC",
            "x".repeat(2000),
            "2026-13-45",
            "PT1S",
            "true");
    private static final List<String> NUMBERS = List.of(
            "18446744073709551617",
            "-1",
            "12.99",
            "-1e400",
            "1e400",
            "2147483648",
            "0",
            "\"12\"",
            "null",
            "[]",
            "-9223372036854775809",
            "1E+2",
            "4294967297");
    private static final List<String> STRINGS = List.of(
            "\"" + "x".repeat(10_000) + "\"",
            "\"\\u00fc\\ud83d\\ude00\\u0000\"",
            "\"\"",
            "\"PT\\n\"",
            "1",
            "null",
            "\"../../etc/passwd\"",
            "\"admin\"",
            "\"a@b\"",
            "{}",
            "[\"x\"]",
            "\"%00\"",
            "\" \"");

    private record Operation(String method, String path, JsonObject spec) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @Test
    void every_operation_answers_hostile_input_as_its_document_says() {
        JsonObject document = openApi();
        JsonObject schemas = document.getJsonObject("components") == null
                ? JsonValue.EMPTY_JSON_OBJECT
                : document.getJsonObject("components").getJsonObject("schemas");
        List<Operation> operations = new ArrayList<>();
        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().forEach((method, spec) -> {
                    if (METHODS.contains(method)) {
                        int api = path.indexOf("/api/");
                        operations.add(
                                new Operation(method, api < 0 ? path : path.substring(api), spec.asJsonObject()));
                    }
                }));
        assertThat(operations).as("operations documented").hasSizeGreaterThan(50);

        String store = Stores.uniqueSlug("fuzz");
        Api owner = Stores.onboardAndSignIn(admin(), store);
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        Random random = new Random(SEED);
        Collections.shuffle(operations, random);

        HttpResponse<String> control = send(owner, "get", "/api/stores/" + store + "/members", null, null);
        assertThat(control.statusCode())
                .as("the fuzz's own request path works: " + control.body())
                .isEqualTo(200);

        List<String> findings = new ArrayList<>();
        List<String> known = new ArrayList<>();
        Map<String, AtomicInteger> statuses = new TreeMap<>();
        Map<String, Map<Integer, String>> samples = new TreeMap<>();
        long begin = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Operation op = operations.get(i % operations.size());
            Api caller =
                    op.path().startsWith("/api/admin") ? admin : op.path().startsWith("/api/developer") ? dev : owner;
            String path = path(op, store, random) + query(op, random);
            String contentType = null;
            byte[] body = null;
            JsonObject requestBody = op.spec().getJsonObject("requestBody");
            if (requestBody != null && !"get".equals(op.method()) && !"delete".equals(op.method())) {
                JsonObject content = requestBody.getJsonObject("content");
                contentType = content.keySet().iterator().next();
                if (contentType.contains("json")) {
                    JsonObject schema = content.getJsonObject(contentType).getJsonObject("schema");
                    body = generate(schema, schemas, random, 0).getBytes(StandardCharsets.UTF_8);
                } else {
                    body = ("\u0000PK" + "x".repeat(random.nextInt(200))).getBytes(StandardCharsets.UTF_8);
                }
            }
            HttpResponse<String> response = send(caller, op.method(), path, body, contentType);
            statuses.computeIfAbsent(String.valueOf(response.statusCode()), k -> new AtomicInteger())
                    .incrementAndGet();
            samples.computeIfAbsent(op.key(), k -> new TreeMap<>())
                    .putIfAbsent(
                            response.statusCode(),
                            path + " → " + abbreviate(response.body().getBytes(StandardCharsets.UTF_8)));
            String finding = judge(op, response, schemas);
            if (finding != null && finding.startsWith(LIBERTY_URI_REFUSAL)) {
                known.add(op.key() + " as " + path);
            } else if (finding != null && findings.size() < 200) {
                findings.add(
                        op.key() + " as " + path + (body == null ? "" : " with " + abbreviate(body)) + ": " + finding);
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        String report = String.format(
                Locale.ROOT,
                "OpenAPI fuzz: %d requests over %d operations in %.1f s (seed %d); statuses %s; %d findings;"
                        + " %d paths refused by Liberty before the application (see README, \"The error contract\")%n%s%n%n"
                        + "Per operation, one answer for each status:%n%s",
                REQUESTS,
                operations.size(),
                seconds,
                SEED,
                statuses,
                findings.size(),
                known.size(),
                String.join("\n", findings),
                String.join(
                        "\n",
                        samples.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList()));
        System.out.println(report);
        try {
            Files.writeString(
                    Path.of("target", "openapi-fuzz-" + System.getProperty("caravan.it.db", "postgresql") + ".txt"),
                    report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(findings).as("findings (seed " + SEED + ")").isEmpty();
    }

    /**
     * Liberty's web container refuses a path with an encoded control character ({@code %00}) itself,
     * before any application or error page runs, with a 400 and a JSON body of its own; no
     * configuration of the application changes that (README, "The error contract"). Counted apart.
     */
    private static final String LIBERTY_URI_REFUSAL = "Liberty refused the URI: ";

    /** Null when the answer keeps the error contract and the document; otherwise what is wrong. */
    private static String judge(Operation op, HttpResponse<String> response, JsonObject schemas) {
        int status = response.statusCode();
        if (status >= 500) {
            return "answered " + status + ": " + abbreviate(response.body().getBytes(StandardCharsets.UTF_8));
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                if (status == 400 && response.body().contains("CWWWC0005I")) {
                    return LIBERTY_URI_REFUSAL + response.body();
                }
                return status + " as " + type + ", not problem+json";
            }
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject problem = reader.readObject();
                if (problem.getInt("status", -1) != status
                        || !problem.containsKey("type")
                        || !problem.containsKey("title")) {
                    return status + " with a problem document of another status or without type/title";
                }
            } catch (RuntimeException e) {
                return status + " with a body that is not a problem document";
            }
            return null;
        }
        if (status >= 200 && status < 300) {
            JsonObject responses = op.spec().getJsonObject("responses");
            if (responses == null
                    || !(responses.containsKey(String.valueOf(status)) || responses.containsKey("default"))) {
                return "answered " + status + " which the document does not list (it lists "
                        + (responses == null ? "nothing" : responses.keySet()) + ")";
            }
        }
        return null;
    }

    private static String path(Operation op, String store, Random random) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path());
        while (m.find()) {
            String value = "store".equals(m.group(1)) && random.nextInt(10) < 8
                    ? store
                    : random.nextInt(3) == 0 ? "1" : SEGMENTS.get(random.nextInt(SEGMENTS.size()));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String query(Operation op, Random random) {
        JsonArray parameters = op.spec().getJsonArray("parameters");
        if (parameters == null) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (JsonValue p : parameters) {
            JsonObject parameter = p.asJsonObject();
            if ("query".equals(parameter.getString("in", "")) && random.nextBoolean()) {
                String value = QUERY_VALUES.get(random.nextInt(QUERY_VALUES.size()));
                pairs.add(parameter.getString("name") + "=" + value);
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A JSON text for {@code schema}: mostly well-formed, each value hostile now and then. */
    private static String generate(JsonObject schema, JsonObject schemas, Random random, int depth) {
        if (schema == null) {
            return "{}";
        }
        if (schema.containsKey("$ref")) {
            String name =
                    schema.getString("$ref").substring(schema.getString("$ref").lastIndexOf('/') + 1);
            return depth > 6 ? "{}" : generate(schemas.getJsonObject(name), schemas, random, depth + 1);
        }
        if (schema.containsKey("allOf")) {
            return generate(schema.getJsonArray("allOf").getJsonObject(0), schemas, random, depth);
        }
        boolean hostile = random.nextInt(4) == 0;
        String type = schema.getString("type", "object");
        switch (type) {
            case "integer", "number" -> {
                return hostile ? NUMBERS.get(random.nextInt(NUMBERS.size())) : String.valueOf(random.nextInt(2000));
            }
            case "boolean" -> {
                return hostile ? (random.nextBoolean() ? "\"true\"" : "1") : String.valueOf(random.nextBoolean());
            }
            case "string" -> {
                if (hostile) {
                    return STRINGS.get(random.nextInt(STRINGS.size()));
                }
                if (schema.containsKey("enum")) {
                    JsonArray values = schema.getJsonArray("enum");
                    return values.get(random.nextInt(values.size())).toString();
                }
                String format = schema.getString("format", "");
                return switch (format) {
                    case "date-time" -> "\"2026-12-02T10:00:00Z\"";
                    case "date" -> "\"2026-12-02\"";
                    case "email" -> "\"ana" + random.nextInt(1000) + "@example.com\"";
                    default -> random.nextBoolean() ? "\"DE\"" : "\"fuzz-" + random.nextInt(1000) + "\"";
                };
            }
            case "array" -> {
                if (hostile) {
                    return random.nextBoolean() ? "[null]" : "{\"not\":\"a list\"}";
                }
                StringBuilder out = new StringBuilder("[");
                int n = depth > 4 ? 0 : random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    out.append(i == 0 ? "" : ",")
                            .append(generate(schema.getJsonObject("items"), schemas, random, depth + 1));
                }
                return out.append(']').toString();
            }
            default -> {
                if (hostile && depth > 0) {
                    return random.nextBoolean() ? "null" : "\"an object\"";
                }
                JsonObject properties = schema.getJsonObject("properties");
                if (properties == null || depth > 6) {
                    return random.nextBoolean() ? "{}" : "{\"a\":1,\"b\":[1.5,null]}";
                }
                StringBuilder out = new StringBuilder("{");
                boolean first = true;
                for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
                    if (random.nextInt(10) < 8) {
                        String value = generate(property.getValue().asJsonObject(), schemas, random, depth + 1);
                        out.append(first ? "" : ",")
                                .append(Json.createValue(property.getKey()))
                                .append(':')
                                .append(value);
                        first = false;
                        if (random.nextInt(40) == 0) {
                            out.append(',')
                                    .append(Json.createValue(property.getKey()))
                                    .append(":null");
                        }
                    }
                }
                return out.append('}').toString();
            }
        }
    }

    private HttpResponse<String> send(Api caller, String method, String path, byte[] body, String contentType) {
        URI root = URI.create(
                base.toString().replace("://localhost:", "://127.0.0.1:").replaceAll("/+$", "") + "/");
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(root + path.replaceFirst("^/", "")));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the fuzz wrote a URI java.net.http refuses: " + path, e);
        }
        request.timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method.toUpperCase(Locale.ROOT),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (caller.bearer() != null) {
            request.header("Authorization", "Bearer " + caller.bearer());
        }
        if (path.contains("/orders") && "post".equals(method)) {
            request.header("Idempotency-Key", "fuzz-" + path.hashCode() + "-" + System.nanoTime());
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonObject openApi() {
        URI root = URI.create(base.toString().replace("://localhost:", "://127.0.0.1:"))
                .resolve("/openapi?format=JSON");
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(root)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\n", "\\n");
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    @Test
    void the_admin_release_list_survives_one_bad_stored_row_and_shows_it_flagged() throws SQLException {
        String id = java.util.UUID.randomUUID().toString();
        try (Connection db = PostgresDatabase.connectAsSuperuser();
                Statement sql = db.createStatement()) {
            sql.execute("create temp table bad_release as select * from plugin_releases limit 1");
            sql.execute("update bad_release set id = '" + id + "', version = '9.9.9-bad',"
                    + " descriptor = '{\"id\": \"x\", \"id\": \"y\"}'");
            assertThat(sql.executeUpdate("insert into plugin_releases select * from bad_release"))
                    .isEqualTo(1);
        }
        try {
            Api.Reply releases = admin().get("api/admin/plugins/releases");
            assertThat(releases.status()).as(releases.toString()).isEqualTo(200);
            List<JsonObject> rows = releases.parse().asJsonArray().getValuesAs(JsonObject.class);
            JsonObject bad = rows.stream()
                    .filter(r -> r.getString("id").equals(id))
                    .findFirst()
                    .orElseThrow();
            assertThat(bad.getString("unreadable")).contains("Duplicate key 'id'");
            assertThat(rows.stream().filter(r -> !r.getString("id").equals(id)))
                    .as("the other releases, read as before")
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.containsKey("unreadable")).isFalse());
        } finally {
            try (Connection db = PostgresDatabase.connectAsSuperuser();
                    Statement sql = db.createStatement()) {
                sql.executeUpdate("delete from plugin_releases where id = '" + id + "'");
            }
        }
    }
}
