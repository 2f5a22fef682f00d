import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Onboarding load driver for BENCHMARKS.md, run against a stack started with ./caravan run:
 *
 *   java platform/src/bench/OnboardingBenchmark.java [count]
 *
 * Measures, in one run and sequentially (one admin, as onboarding happens in practice):
 *  - baseline: the identity work alone, straight against Keycloak's admin API with the platform's
 *    service account (create organization, create user, add member), i.e. what onboarding cannot
 *    avoid;
 *  - platform: POST /api/admin/stores end to end (validation, the same Keycloak calls, the store
 *    row, membership and audit entry in one transaction).
 * Prints p50/p90/p99/max and the wall time of each series.
 */
public class OnboardingBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String KC = System.getProperty("keycloak", "http://127.0.0.1:8180");
    private static final String API = System.getProperty("api", "http://127.0.0.1:9080");
    private static final String SECRET = System.getProperty("secret", "caravan-platform-dev-secret");

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String run = UUID.randomUUID().toString().substring(0, 6);
        System.out.println("count=" + count + " run=" + run + " java=" + Runtime.version());

        long[] baseline = new long[count];
        Token service = new Token(() -> form(KC + "/realms/caravan/protocol/openid-connect/token",
                "grant_type=client_credentials&client_id=caravan-platform&client_secret=" + SECRET));
        long baselineStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String alias = "bench-kc-" + run + "-" + i;
            long t0 = System.nanoTime();
            String org = created(send("POST", KC + "/admin/realms/caravan/organizations", service.get(),
                    "{\"name\":\"" + alias + "\",\"alias\":\"" + alias + "\"}"));
            String user = created(send("POST", KC + "/admin/realms/caravan/users", service.get(),
                    "{\"username\":\"" + alias + "@example.test\",\"email\":\"" + alias + "@example.test\",\"firstName\":\"B\","
                            + "\"lastName\":\"K\",\"enabled\":true,\"requiredActions\":[\"UPDATE_PASSWORD\"]}"));
            expect(201, send("POST", KC + "/admin/realms/caravan/organizations/" + org + "/members", service.get(),
                    "\"" + user + "\""));
            baseline[i] = System.nanoTime() - t0;
        }
        long baselineWall = System.nanoTime() - baselineStart;

        long[] platform = new long[count];
        Token admin = new Token(() -> form(KC + "/realms/caravan/protocol/openid-connect/token",
                "grant_type=password&client_id=caravan-cli&username=ada&password=caravan&scope="
                        + URLEncoder.encode("openid organization:*", StandardCharsets.UTF_8)));
        long platformStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String slug = "bench-" + run + "-" + i;
            String body = "{\"slug\":\"" + slug + "\",\"name\":\"Bench " + i + "\",\"owner\":{\"email\":\"" + slug
                    + "@example.test\",\"firstName\":\"Bea\",\"lastName\":\"Bench\"},\"defaultCurrency\":\"EUR\","
                    + "\"sellingCountries\":[\"DE\",\"FR\"],\"priceDisplay\":\"INCLUDING_TAX\"}";
            long t0 = System.nanoTime();
            expect(201, send("POST", API + "/api/admin/stores", admin.get(), body));
            platform[i] = System.nanoTime() - t0;
        }
        long platformWall = System.nanoTime() - platformStart;

        report("baseline: Keycloak org+user+member", baseline, baselineWall);
        report("platform: POST /api/admin/stores", platform, platformWall);
    }

    private static void report(String name, long[] nanos, long wall) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms wall=%.1f s%n", name,
                sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6,
                wall / 1e9);
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** A bearer token renewed a minute before it would expire. */
    private static final class Token {
        private final java.util.function.Supplier<String> fetch;
        private String value;
        private long renewAt;

        Token(java.util.function.Supplier<String> fetch) {
            this.fetch = fetch;
        }

        String get() {
            if (value == null || System.nanoTime() > renewAt) {
                String json = fetch.get();
                value = field(json, "access_token");
                renewAt = System.nanoTime() + Duration.ofSeconds(Long.parseLong(number(json, "expires_in")) - 60).toNanos();
            }
            return value;
        }
    }

    private static String form(String url, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            expect(200, response);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(String method, String url, String token, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String created(HttpResponse<String> response) {
        expect(201, response);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + " " + response.body());
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
