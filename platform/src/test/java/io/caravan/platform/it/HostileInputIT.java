package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client sends, through the real API and Liberty: each answer is a specific
 * problem document naming what is wrong, never a 500, never Liberty's HTML, and never a value
 * silently changed (wrapped, truncated, merged).
 */
class HostileInputIT extends PlatformIT {
    private static final String LONG_MAX_MESSAGE =
            "must be a whole number from -9223372036854775808 to 9223372036854775807";

    @Test
    void numbers_past_their_type_or_with_a_fraction_are_refused_naming_the_field_never_wrapped() {
        String store = Stores.uniqueSlug("hostile-num");
        Api owner = Stores.onboardAndSignIn(admin(), store);
        Api.Reply reply = owner.send("POST", "api/stores/" + store + "/tax/quote", """
                {"shipTo":{"country":"DE"},"shipping":490,
                 "lines":[{"sku":"A","quantity":4294967297,"unitPrice":18446744073709551617},
                          {"sku":"B","quantity":1,"unitPrice":12.99},
                          {"sku":"C","quantity":1.5,"unitPrice":-1e400}]}""");
        assertValidation(
                reply,
                "lines[0].quantity",
                "lines[0].unitPrice",
                "lines[1].unitPrice",
                "lines[2].quantity",
                "lines[2].unitPrice");
        assertThat(reply.json().getJsonArray("errors").getJsonObject(1).getString("message"))
                .isEqualTo(LONG_MAX_MESSAGE);
    }

    @Test
    void a_member_named_twice_is_refused_not_merged() {
        String store = Stores.uniqueSlug("hostile-dup");
        Api owner = Stores.onboardAndSignIn(admin(), store);
        Api.Reply reply = owner.send(
                "POST",
                "api/stores/" + store + "/tax/quote",
                "{\"shipTo\":{\"country\":\"DE\"},\"lines\":[],\"lines\":[{\"sku\":\"A\",\"quantity\":1,"
                        + "\"unitPrice\":100}]}");
        assertProblem(reply, 400);
        assertThat(reply.json().getString("detail")).contains("Duplicate key 'lines'");
    }

    @Test
    void onboarding_refuses_reserved_slugs_and_unreachable_emails_naming_every_field_and_creates_nothing() {
        JsonObject request = jakarta.json.Json.createObjectBuilder(Stores.onboardRequest("admin", "a@b"))
                .add("defaultCurrency", "XXQ")
                .build();
        Api.Reply reply = admin().post("api/admin/stores", request);
        assertValidation(reply, "defaultCurrency", "owner.email", "slug");
        assertThat(admin().get("api/admin/stores/admin").status()).isEqualTo(404);
        assertValidation(
                admin().post("api/admin/stores", Stores.onboardRequest("api", Stores.ownerEmail("api-x"))), "slug");
        assertValidation(
                admin().post(
                                "api/admin/stores",
                                Stores.onboardRequest(Stores.uniqueSlug("mail"), "owner@example.com\n")),
                "owner.email");
    }

    @Test
    void a_listing_names_every_invalid_field_at_once_and_a_price_past_long_is_refused() {
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String slug = Stores.uniqueSlug("hostile-listing");
        Api.Reply reply = dev.send("POST", "api/developer/listings", """
                {"slug":"%s","name":"Hostile","summary":"s","descriptions":{"en":"d"},
                 "categories":[null],"kinds":["TAX"],"countries":["de"],
                 "pricing":{"model":"ONE_TIME","amountMinor":18446744073709551617,"currency":"EUR"},
                 "supportEmail":"a@b"}""".formatted(slug));
        assertValidation(reply, "categories[0]", "pricing.amountMinor");
        // the same body with the types right: every domain rule broken is listed together
        Api.Reply rules = dev.send("POST", "api/developer/listings", """
                {"slug":"%s","name":"Hostile","summary":"s","descriptions":{"en":"d"},
                 "categories":["Tax"],"kinds":["TAX"],"countries":["de"],
                 "pricing":{"model":"ONE_TIME","amountMinor":-5,"currency":"EUR"},
                 "supportEmail":"a@b"}""".formatted(slug));
        assertValidation(rules, "categories[0]", "countries[0]", "pricing.amountMinor", "supportEmail");
        assertThat(dev.get("api/developer/listings/" + slug).status()).isEqualTo(404);
    }

    @Test
    void descriptors_of_200_kb_are_stored_and_hostile_ones_refused_with_a_clear_4xx() {
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String big = Stores.uniqueSlug("hostile-big");
        Marketplace.create(dev, big, Marketplace.free());
        Api.Reply stored = dev.upload(
                "api/developer/listings/" + big + "/versions",
                withDescriptor(Marketplace.echo(big, "1.0.0"), d -> d.replaceFirst("\\{", "{" + whiteSpace(200_000))),
                Marketplace.JAR);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);

        String deep = Stores.uniqueSlug("hostile-deep");
        Marketplace.create(dev, deep, Marketplace.free());
        Api.Reply nested = dev.upload(
                "api/developer/listings/" + deep + "/versions",
                withDescriptor(
                        Marketplace.echo(deep, "1.0.0"),
                        d -> d.replaceFirst(
                                "\"schema\"\\s*:\\s*\\{",
                                "\"schema\": {\"x\": " + "[".repeat(30_000) + "]".repeat(30_000) + ",")),
                Marketplace.JAR);
        assertThat(nested.status()).as(nested.toString()).isBetween(400, 499);
        assertThat(nested.contentType()).startsWith("application/problem+json");

        String twice = Stores.uniqueSlug("hostile-twice");
        Marketplace.create(dev, twice, Marketplace.free());
        Api.Reply merged = dev.upload(
                "api/developer/listings/" + twice + "/versions",
                withDescriptor(
                        Marketplace.echo(twice, "1.0.0"),
                        d -> d.replaceFirst(
                                "\"permissions\"\\s*:",
                                "\"permissions\": {\"egressHosts\": [\"exfil.example\"]}, \"permissions\":")),
                Marketplace.JAR);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(422);
        assertThat(merged.body()).contains("Duplicate key 'permissions'");
    }

    @Test
    void container_errors_answer_problem_json_never_html() throws IOException {
        String store = Stores.uniqueSlug("hostile-wire");
        Api owner = Stores.onboardAndSignIn(admin(), store);
        // Paths that do not decode, or decode to a dot segment, a slash or a control character, are refused by
        // Liberty's web container itself before the application or its error pages run (README, "The error
        // contract"): a 400 with Liberty's own body, never a 500 or a stack trace. Everything the
        // application sees answers problem+json.
        for (String path : List.of(
                "api/stores/%00",
                "api/stores/" + store + "%00/members",
                "api/stores/%2e%2e/members",
                "api/stores/%2e%2e%2fadmin/members",
                "api/stores/a%2Fb/members",
                "api/stores/%C0%AE%C0%AE/members",
                "api/stores/%",
                "api/stores/%zz",
                "api/%2e%2e/%2e%2e/openapi",
                "api/stores/" + "x".repeat(5000),
                "api/stores/%C3%BC%F0%9F%98%80/members",
                "api/stores/a%20b/members",
                "api/nothing-here")) {
            Api.Reply reply = raw(owner, "GET", path, null, null);
            assertThat(reply.status()).as(path + " → " + reply).isBetween(400, 499);
            assertThat(reply.body()).as(path).doesNotContain("at com.ibm").doesNotContain("Exception");
            if (reply.contentType().startsWith("application/problem+json")) {
                assertThat(reply.json().getInt("status")).isEqualTo(reply.status());
            } else {
                assertThat(reply.status()).as(path + " → " + reply).isEqualTo(400);
                assertThat(reply.body()).as(path + " → " + reply).contains("CWWWC0005I");
            }
        }
        for (String path : List.of("api/stores/a%20b/members", "api/nothing-here", "api/stores/" + "x".repeat(5000))) {
            Api.Reply reply = raw(owner, "GET", path, null, null);
            assertThat(reply.contentType()).as(path + " → " + reply).startsWith("application/problem+json");
        }

        Api.Reply noType = raw(owner, "POST", "api/stores/" + store + "/tax/quote", "{}", null);
        assertProblem(noType, 415);
        Api.Reply text = raw(owner, "POST", "api/stores/" + store + "/tax/quote", "{}", "text/plain");
        assertProblem(text, 415);
        Api.Reply latin1 =
                raw(owner, "POST", "api/stores/" + store + "/tax/quote", "{}", "application/json; charset=ISO-8859-1");
        assertProblem(latin1, 415);
        String huge = "{\"shipTo\":{\"country\":\"DE\"},\"lines\":["
                + "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1},".repeat(40_000)
                + "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1}]}";
        assertProblem(owner.send("POST", "api/stores/" + store + "/tax/quote", huge), 413);
        assertProblem(raw(owner, "DELETE", "api/stores/" + store + "/tax/quote", null, null), 405);
        assertProblem(raw(owner, "PATCH", "api/me", "{}", "application/json"), 405);
        Api.Reply notUtf8 = owner.send(
                "POST",
                "api/stores/" + store + "/tax/quote",
                new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'},
                "application/json");
        assertProblem(notUtf8, 400);
        Api.Reply deep =
                owner.send("POST", "api/stores/" + store + "/tax/quote", "[".repeat(100_000) + "]".repeat(100_000));
        assertProblem(deep, 400);
    }

    private static void assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().getInt("status")).isEqualTo(status);
    }

    private static void assertValidation(Api.Reply reply, String... fields) {
        assertProblem(reply, 400);
        assertThat(reply.json().getString("type")).endsWith("/validation");
        List<String> named = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .toList();
        assertThat(named).as(reply.toString()).containsExactlyInAnyOrder(fields);
    }

    /**
     * A request written byte for byte on a socket: java.net.http refuses some of these URIs and
     * always sends a Content-Type it was given, and the point is what Liberty does with them.
     */
    private Api.Reply raw(Api api, String method, String path, String body, String contentType) throws IOException {
        URI root = URI.create(base.toString().replace("://localhost:", "://127.0.0.1:"));
        String authorization = api.bearer() == null ? "" : "Authorization: Bearer " + api.bearer() + "\r\n";
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + root.getRawPath().replaceAll("/+$", "") + "/" + path + " HTTP/1.1\r\n"
                + "Host: " + root.getHost() + ":" + root.getPort() + "\r\n"
                + "Accept: application/json, application/problem+json\r\n"
                + authorization
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + bytes.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Api.Reply parse(InputStream in) throws IOException {
        String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = response.indexOf("\r\n\r\n");
        String headers = end < 0 ? response : response.substring(0, end);
        String body = end < 0 ? "" : response.substring(end + 4);
        int status = Integer.parseInt(headers.substring(9, 12));
        String type = "";
        boolean chunked = false;
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = line.substring(13).strip();
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        return new Api.Reply(status, type, chunked ? unchunk(body) : body, null);
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int line = body.indexOf("\r\n", at);
            if (line < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, line).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, line + 2, line + 2 + size);
            at = line + 2 + size + 2;
        }
        return out.toString();
    }

    /**
     * JSON white space that does not compress (the upload check refuses entries that inflate over
     * 100:1, and a schema is capped at 64 KiB): a descriptor this padded is valid and stored as sent.
     */
    private static String whiteSpace(int length) {
        java.util.Random random = new java.util.Random(12);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(" \t\n\r".charAt(random.nextInt(4)));
        }
        return text.toString();
    }

    /** The jar with its descriptor rewritten. */
    private static byte[] withDescriptor(byte[] jar, UnaryOperator<String> change) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JarOutputStream jarOut = new JarOutputStream(out, in.getManifest())) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    byte[] content = in.readAllBytes();
                    if (entry.getName().equals("OSGI-INF/caravan-plugin.json")) {
                        String changed = change.apply(new String(content, StandardCharsets.UTF_8));
                        assertThat(changed)
                                .as("the descriptor was changed")
                                .isNotEqualTo(new String(content, StandardCharsets.UTF_8));
                        content = changed.getBytes(StandardCharsets.UTF_8);
                    }
                    jarOut.putNextEntry(new JarEntry(entry.getName()));
                    jarOut.write(content);
                    jarOut.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
