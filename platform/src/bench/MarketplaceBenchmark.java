import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marketplace figures for BENCHMARKS.md, run against a stack started with ./caravan run:
 *
 *   java platform/src/bench/MarketplaceBenchmark.java [stores] [uploads]
 *
 * 1. Upload to report: a typical bundle (the echo test bundle, ~9 KB) uploaded as a new version
 *    [uploads] times: every check incl. the dry run in a scratch Felix. Baseline in the same run: an
 *    upload rejected at the first check (not a zip): HTTP, authentication and recording only.
 * 2. Yank propagation: [stores] stores each run version 1.0.1 of a plugin (installed at 1.0.0, then
 *    upgraded, so 1.0.0 is their last good version). Yank 1.0.1 and time the call, which returns
 *    when the last store is off the version; then every store is verified on 1.0.0. Baseline in
 *    the same run: yanking an approved version no store runs (the same walk over every store).
 * Needs the echo test bundle built: mvn -q package -pl plugins/test-bundles/echo-tax-1.0 -am -DskipTests
 */
public class MarketplaceBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String KC = System.getProperty("keycloak", "http://127.0.0.1:8180");
    private static final String API = System.getProperty("api", "http://127.0.0.1:9080");
    private static final Path BUNDLE = Path.of(System.getProperty("bundle",
            "plugins/test-bundles/echo-tax-1.0/target/caravan-test-echo-tax-v1-0.1.0-SNAPSHOT.jar"));

    public static void main(String[] args) throws Exception {
        int storeCount = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int uploads = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String run = UUID.randomUUID().toString().substring(0, 6);
        System.out.println("stores=" + storeCount + " uploads=" + uploads + " run=" + run + " java=" + Runtime.version());
        String admin = password("ada");
        String dev = password("dev");
        byte[] echo = Files.readAllBytes(BUNDLE);
        String plugin = "bench-" + run;
        expect(201, send("POST", API + "/api/developer/listings", dev, listing(plugin)));

        // 1. upload to report
        long[] rejected = new long[uploads];
        long[] checked = new long[uploads];
        for (int i = 0; i < uploads; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> bad = upload(plugin, dev, ("not a zip " + i).getBytes(StandardCharsets.UTF_8));
            rejected[i] = System.nanoTime() - t0;
            if (bad.statusCode() != 409 && bad.statusCode() != 422) {
                throw new IllegalStateException("baseline upload: " + bad.statusCode() + " " + bad.body());
            }
            byte[] version = renamed(echo, plugin, "2.0." + i);
            long t1 = System.nanoTime();
            HttpResponse<String> good = upload(plugin, dev, version);
            checked[i] = System.nanoTime() - t1;
            expect(201, good);
        }
        report("upload rejected at the first check (baseline)", rejected, Arrays.stream(rejected).sum());
        report("upload of a typical bundle to its full report", checked, Arrays.stream(checked).sum());
        System.out.println("bundle bytes=" + echo.length);

        // 2. yank propagation
        String v100 = publish(plugin, dev, admin, echo, "1.0.0");
        String v101 = publish(plugin, dev, admin, echo, "1.0.1");
        String v102 = publish(plugin, dev, admin, echo, "1.0.2");
        long setup = System.nanoTime();
        for (int i = 0; i < storeCount; i++) {
            String slug = "yank-" + run + "-" + i;
            HttpResponse<String> onboarded = send("POST", API + "/api/admin/stores", admin, "{\"slug\":\"" + slug + "\","
                    + "\"name\":\"Yank " + i + "\",\"owner\":{\"email\":\"" + slug + "@example.test\",\"firstName\":\"Y\","
                    + "\"lastName\":\"K\"},\"defaultCurrency\":\"EUR\",\"sellingCountries\":[\"FR\"],\"priceDisplay\":\"INCLUDING_TAX\"}");
            expect(201, onboarded);
            expect(201, send("POST", API + "/api/admin/stores/" + slug + "/plugins", admin,
                    "{\"pluginId\":\"" + plugin + "\",\"version\":\"1.0.0\",\"configuration\":{}}"));
            expect(200, send("PUT", API + "/api/admin/stores/" + slug + "/plugins/" + plugin + "/version", admin,
                    "{\"version\":\"1.0.1\"}"));
            if (i % 100 == 99) {
                admin = password("ada");
                System.out.println("  " + (i + 1) + " stores on 1.0.1 after " + (System.nanoTime() - setup) / 1_000_000_000 + " s");
            }
        }
        long tBase = System.nanoTime();
        HttpResponse<String> noop = send("POST", API + "/api/admin/marketplace/versions/" + v102 + "/yank", admin,
                "{\"reason\":\"benchmark baseline: no store runs it\"}");
        long baselineMs = (System.nanoTime() - tBase) / 1_000_000;
        expect(200, noop);
        long tYank = System.nanoTime();
        HttpResponse<String> yank = send("POST", API + "/api/admin/marketplace/versions/" + v101 + "/yank", admin,
                "{\"reason\":\"benchmark: pulled from every store\"}");
        long yankMs = (System.nanoTime() - tYank) / 1_000_000;
        expect(200, yank);
        System.out.printf("yank baseline (version on no store): %d ms, server %s ms, moved %s%n", baselineMs,
                number(noop.body(), "millis"), number(noop.body(), "storesMoved"));
        System.out.printf("yank of the version on %d stores: %d ms until the last store was off it (server %s ms), moved %s,"
                + " disabled %s%n", storeCount, yankMs, number(yank.body(), "millis"), number(yank.body(), "storesMoved"),
                number(yank.body(), "storesDisabled"));
        int on100 = 0;
        for (int i = 0; i < storeCount; i++) {
            HttpResponse<String> inst = send("GET", API + "/api/admin/stores/yank-" + run + "-" + i + "/plugins/" + plugin, admin, null);
            if (inst.body().contains("\"version\":\"1.0.0\"")) {
                on100++;
            }
        }
        System.out.println("verified: " + on100 + " of " + storeCount + " stores on 1.0.0 (" + v100 + ")");
    }

    private static String listing(String plugin) {
        return "{\"slug\":\"" + plugin + "\",\"name\":\"Bench " + plugin + "\",\"summary\":\"benchmark\","
                + "\"descriptions\":{\"en\":\"benchmark plugin\"},\"categories\":[\"tax\"],\"kinds\":[\"TAX\"],"
                + "\"countries\":[\"*\"],\"pricing\":{\"model\":\"FREE\"},\"supportEmail\":\"bench@example.test\"}";
    }

    private static String publish(String plugin, String dev, String admin, byte[] echo, String version) throws Exception {
        HttpResponse<String> up = upload(plugin, dev, renamed(echo, plugin, version));
        expect(201, up);
        String id = field(up.body(), "id");
        expect(200, send("POST", API + "/api/developer/listings/" + plugin + "/versions/" + version + "/submit", dev, "{}"));
        expect(200, send("POST", API + "/api/admin/marketplace/versions/" + id + "/approve", admin, "{}"));
        return id;
    }

    /** The echo bundle as another plugin id and version (manifest and descriptor rewritten together). */
    static byte[] renamed(byte[] jar, String id, String version) throws Exception {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            String oldVersion = main.getValue("Bundle-Version");
            main.putValue("Bundle-SymbolicName", "com.bench." + id.replace('-', '.'));
            main.putValue("Bundle-Version", version);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("OSGI-INF/caravan-plugin.json")) {
                        content = new String(content, StandardCharsets.UTF_8)
                                .replace("\"id\": \"test-echo-tax\"", "\"id\": \"" + id + "\"")
                                .replace("\"version\": \"" + oldVersion + "\"", "\"version\": \"" + version + "\"")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    jarOut.putNextEntry(new JarEntry(entry.getName()));
                    jarOut.write(content);
                    jarOut.closeEntry();
                }
            }
            return out.toByteArray();
        }
    }

    private static void report(String name, long[] nanos, long wall) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms total=%.1f s%n", name, sorted.length,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6, wall / 1e9);
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String password(String user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KC + "/realms/caravan/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=caravan-cli&username=" + user
                        + "&password=caravan&scope=" + URLEncoder.encode("openid organization:*", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        expect(200, r);
        return field(r.body(), "access_token");
    }

    private static HttpResponse<String> upload(String plugin, String token, byte[] bytes) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/developer/listings/" + plugin + "/versions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " from " + response.uri() + ", got " + response.statusCode()
                    + ": " + response.body());
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?[0-9]+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
