package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Plugins on the running server: releases published at start (first-party) and from the
 * development folder, installed per store by an admin, called through the invoker by the store's
 * tax quote endpoint; upgrade, rollback, disable and uninstall take effect on the next call of
 * that store only; a misbehaving plugin of one store leaves another store's quotes alone.
 */
// The refusal case runs first: it shares the misbehaving version with the case that makes ten of its
// calls overrun, after which the version's sandbox workers are being replaced for a second or two
// (docs/architecture.md, "The sandbox"), and a call in that window may find no worker in its 1 s.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginHostIT extends PlatformIT {
    private static final String TAX = "caravan-tax";
    private static final String ECHO = "test-echo-tax";
    private static final String MISBEHAVING = "test-misbehaving";

    static JsonObject cart(String destination) {
        return Carts.mugs(destination);
    }

    private Api storeWithQuoteKey(Api admin, String slug) {
        Api owner = Stores.onboardAndSignIn(admin, slug);
        Api.Reply key = owner.post(
                "api/stores/" + slug + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "checkout")
                        .add("scopes", Json.createArrayBuilder().add("tax:quote"))
                        .build());
        assertThat(key.status()).isEqualTo(201);
        return anonymous().withApiKey(key.json().getString("key"));
    }

    private static Api.Reply install(Api admin, String slug, String plugin, String version, JsonObject configuration) {
        JsonObjectBuilder body =
                Json.createObjectBuilder().add("pluginId", plugin).add("configuration", configuration);
        if (version != null) {
            body.add("version", version);
        }
        return admin.post("api/admin/stores/" + slug + "/plugins", body.build());
    }

    private static JsonObject config(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    private static String firstRule(Api.Reply quote) {
        return quote.json().getJsonArray("lineTaxes").getJsonObject(0).getString("ruleId");
    }

    @Test
    void the_first_party_tax_plugin_quotes_a_store_cart_through_the_invoker() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("tax");
        Api checkout = storeWithQuoteKey(admin, slug);

        JsonObject release =
                admin.get("api/admin/plugins/releases").parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                        .filter(r -> r.getString("pluginId").equals(TAX))
                        .findFirst()
                        .orElseThrow();
        assertThat(release.getString("origin")).isEqualTo("FIRST_PARTY");
        assertThat(release.getString("sha256")).hasSize(64);

        Api.Reply none = checkout.post("api/stores/" + slug + "/tax/quote", cart("DE"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().getString("detail")).contains("no enabled plugin providing TAX_CALCULATOR");

        Api.Reply installed =
                install(admin, slug, TAX, null, config("{\"originCountry\":\"PT\",\"registrations\":{\"oss\":true}}"));
        assertThat(installed.status()).isEqualTo(201);
        assertThat(installed.json().getString("version")).isEqualTo(release.getString("version"));

        Api.Reply quote = checkout.post("api/stores/" + slug + "/tax/quote", cart("DE"));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        JsonObject line = quote.json().getJsonArray("lineTaxes").getJsonObject(0);
        assertThat(quote.json().getString("status")).isEqualTo("QUOTED");
        assertThat(quote.json().getString("plugin")).isEqualTo(TAX);
        assertThat(line.getString("jurisdiction")).isEqualTo("DE");
        assertThat(line.getJsonNumber("taxableAmount").longValue()).isEqualTo(3600);
        assertThat(line.getJsonNumber("taxAmount").longValue()).isEqualTo(684);
        assertThat(line.getString("ruleId")).isNotBlank();

        JsonObject listed = admin.get("api/admin/stores/" + slug + "/plugins")
                .parse()
                .asJsonArray()
                .getJsonObject(0);
        assertThat(listed.getString("pluginId")).isEqualTo(TAX);
        assertThat(listed.getString("status")).isEqualTo("ENABLED");
        assertThat(listed.getJsonArray("extensions").getJsonObject(0).getString("failurePolicy"))
                .isEqualTo("FAIL_CLOSED");
    }

    @Test
    void configuration_is_validated_against_the_plugin_schema_and_nothing_is_installed_when_it_fails() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("cfg");
        Stores.onboardAndSignIn(admin, slug);

        Api.Reply bad = install(admin, slug, TAX, null, config("{\"originCountry\":\"Portugal\",\"colour\":\"blue\"}"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().getString("detail")).contains("originCountry").contains("colour");
        assertThat(admin.get("api/admin/stores/" + slug + "/plugins").parse().asJsonArray())
                .isEmpty();

        Api.Reply unknownVersion = install(admin, slug, TAX, "9.9.9", config("{}"));
        assertThat(unknownVersion.status()).isEqualTo(404);
        Api.Reply unknownPlugin = install(admin, slug, "no-such-plugin", null, config("{}"));
        assertThat(unknownPlugin.status()).isEqualTo(404);
    }

    @Test
    void upgrade_rollback_disable_and_uninstall_change_one_store_at_its_next_call() {
        Api admin = admin();
        String a = Stores.uniqueSlug("upa");
        String b = Stores.uniqueSlug("upb");
        Api checkoutA = storeWithQuoteKey(admin, a);
        Api checkoutB = storeWithQuoteKey(admin, b);
        assertThat(install(admin, a, ECHO, "1.0.0", config("{}")).status()).isEqualTo(201);
        assertThat(install(admin, b, ECHO, "1.0.0", config("{}")).status()).isEqualTo(201);
        assertThat(firstRule(checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR"))))
                .isEqualTo("echo-1.0.0");

        Api.Reply upgraded = admin.put(
                "api/admin/stores/" + a + "/plugins/" + ECHO + "/version",
                Json.createObjectBuilder().add("version", "1.1.0").build());
        assertThat(upgraded.status()).isEqualTo(200);
        assertThat(upgraded.json().getString("previousVersion")).isEqualTo("1.0.0");
        assertThat(firstRule(checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR"))))
                .isEqualTo("echo-1.1.0");
        assertThat(firstRule(checkoutB.post("api/stores/" + b + "/tax/quote", cart("FR"))))
                .isEqualTo("echo-1.0.0");

        Api.Reply rolledBack =
                admin.post("api/admin/stores/" + a + "/plugins/" + ECHO + "/rollback", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.json().getString("version")).isEqualTo("1.0.0");
        assertThat(firstRule(checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR"))))
                .isEqualTo("echo-1.0.0");

        Api.Reply reconfigured = admin.put(
                "api/admin/stores/" + a + "/plugins/" + ECHO + "/configuration",
                Json.createObjectBuilder()
                        .add("configuration", config("{\"label\":\"store A label\"}"))
                        .build());
        assertThat(reconfigured.status()).isEqualTo(200);
        Api.Reply labelled = checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR"));
        assertThat(labelled.json().getJsonArray("lineTaxes").getJsonObject(0).getString("explanation"))
                .contains("store A label");
        assertThat(checkoutB.post("api/stores/" + b + "/tax/quote", cart("FR")).body())
                .doesNotContain("store A label");

        Api.Reply disabled = admin.post(
                "api/admin/stores/" + a + "/plugins/" + ECHO + "/disable",
                Json.createObjectBuilder().add("reason", "merchant asked").build());
        assertThat(disabled.json().getString("status")).isEqualTo("DISABLED");
        assertThat(checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR")).status())
                .isEqualTo(409);
        assertThat(checkoutB.post("api/stores/" + b + "/tax/quote", cart("FR")).status())
                .isEqualTo(200);
        admin.post("api/admin/stores/" + a + "/plugins/" + ECHO + "/enable", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR")).status())
                .isEqualTo(200);

        assertThat(admin.delete("api/admin/stores/" + a + "/plugins/" + ECHO).status())
                .isEqualTo(204);
        assertThat(checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR")).status())
                .isEqualTo(409);
        assertThat(firstRule(checkoutB.post("api/stores/" + b + "/tax/quote", cart("FR"))))
                .isEqualTo("echo-1.0.0");

        Api ownerA = admin.withToken(Stores.signIn(Stores.ownerEmail(a)));
        List<String> actions =
                ownerA
                        .get("api/stores/" + a + "/audit")
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .map(e -> e.getString("action"))
                        .toList();
        assertThat(actions)
                .containsSubsequence(
                        "plugin.uninstalled",
                        "plugin.enabled",
                        "plugin.disabled",
                        "plugin.configured",
                        "plugin.rolled-back",
                        "plugin.version-changed",
                        "plugin.installed");
    }

    @Test
    void a_store_sees_and_calls_only_its_own_installations() {
        Api admin = admin();
        String a = Stores.uniqueSlug("isoa");
        String b = Stores.uniqueSlug("isob");
        Api checkoutA = storeWithQuoteKey(admin, a);
        storeWithQuoteKey(admin, b);
        install(admin, b, ECHO, "1.1.0", config("{\"label\":\"secret-ish label of B\"}"));
        Api ownerA = admin.withToken(Stores.signIn(Stores.ownerEmail(a)));

        assertThat(ownerA.get("api/stores/" + a + "/plugins").parse().asJsonArray())
                .isEmpty();
        assertThat(ownerA.get("api/stores/" + b + "/plugins").status()).isEqualTo(403);
        assertThat(ownerA.get("api/stores/" + b + "/plugins/" + ECHO).status()).isEqualTo(403);
        assertThat(ownerA.get("api/stores/" + b + "/plugins/metrics").status()).isEqualTo(403);
        Api.Reply crossQuote = checkoutA.post("api/stores/" + b + "/tax/quote", cart("FR"));
        assertThat(crossQuote.status()).isEqualTo(401);
        assertThat(crossQuote.body()).doesNotContain("secret-ish");
        Api.Reply ownQuote = checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR"));
        assertThat(ownQuote.status()).isEqualTo(409);
        assertThat(ownerA.get("api/stores/" + a + "/plugins/metrics").body()).doesNotContain(b);
    }

    @Test
    void a_misbehaving_plugin_fails_its_own_store_closed_and_leaves_other_stores_alone() throws Exception {
        Api admin = admin();
        String bad = Stores.uniqueSlug("bad");
        String good = Stores.uniqueSlug("good");
        Api checkoutBad = storeWithQuoteKey(admin, bad);
        Api checkoutGood = storeWithQuoteKey(admin, good);
        install(admin, bad, MISBEHAVING, null, config("{\"mode\":\"spin\",\"millis\":3000}"));
        install(admin, good, ECHO, "1.0.0", config("{}"));
        String expected = checkoutGood
                .post("api/stores/" + good + "/tax/quote", cart("FR"))
                .body();

        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> badCalls = new ArrayList<>();
            List<Future<Api.Reply>> goodCalls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                badCalls.add(callers.submit(() -> checkoutBad.post("api/stores/" + bad + "/tax/quote", cart("FR"))));
                goodCalls.add(callers.submit(() -> checkoutGood.post("api/stores/" + good + "/tax/quote", cart("FR"))));
            }
            for (Future<Api.Reply> call : goodCalls) {
                Api.Reply reply = call.get();
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo(expected);
            }
            for (Future<Api.Reply> call : badCalls) {
                Api.Reply reply = call.get();
                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.json().getString("type")).endsWith("plugin-failed");
                assertThat(reply.json().getString("detail"))
                        .contains(MISBEHAVING)
                        .doesNotContain("Exception\n\tat");
            }
        } finally {
            callers.shutdownNow();
        }

        Api ownerGood = admin.withToken(Stores.signIn(Stores.ownerEmail(good)));
        JsonObject metrics = ownerGood
                .get("api/stores/" + good + "/plugins/metrics")
                .parse()
                .asJsonArray()
                .getJsonObject(0);
        assertThat(metrics.getJsonNumber("answered").longValue()).isEqualTo(11);
        assertThat(metrics.getJsonObject("failures")).isEmpty();
    }

    @Test
    void a_quote_that_does_not_answer_the_cart_is_the_plugins_failure_not_a_200() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("wrong");
        Api checkout = storeWithQuoteKey(admin, slug);
        install(admin, slug, MISBEHAVING, null, config("{\"mode\":\"ok\"}"));
        String[][] wrongAnswers = {
            {"foreign-currency", "currency is JPY, the cart's is EUR"},
            {"unknown-line", "lineRef \"no-such-line\" names no line of the cart"},
            {"giant-rate", "rate has scale -100000000"}
        };
        for (String[] wrong : wrongAnswers) {
            Api.Reply reconfigured = admin.put(
                    "api/admin/stores/" + slug + "/plugins/" + MISBEHAVING + "/configuration",
                    Json.createObjectBuilder()
                            .add("configuration", config("{\"mode\":\"" + wrong[0] + "\"}"))
                            .build());
            assertThat(reconfigured.status()).as(reconfigured.toString()).isEqualTo(200);

            Api.Reply reply = checkout.post("api/stores/" + slug + "/tax/quote", cart("FR"));

            assertThat(reply.status()).as(wrong[0] + ": " + reply).isEqualTo(503);
            assertThat(reply.body().length()).isLessThan(2_000);
            assertThat(reply.json().getString("type")).endsWith("plugin-failed");
            assertThat(reply.json().getString("detail")).contains(MISBEHAVING).contains(wrong[1]);
        }

        Api owner = admin.withToken(Stores.signIn(Stores.ownerEmail(slug)));
        JsonObject metrics = owner.get("api/stores/" + slug + "/plugins/metrics").parse().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getString("point").equals("TAX_CALCULATOR"))
                .findFirst()
                .orElseThrow();
        assertThat(metrics.getJsonNumber("answered").longValue()).isZero();
        assertThat(metrics.getJsonObject("failures").getJsonNumber("ERROR").longValue())
                .isEqualTo(3);
    }

    @Test
    void plugin_code_cannot_reach_the_platform_through_the_sdk_or_its_context() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("loaders");
        Api checkout = storeWithQuoteKey(admin, slug);
        install(admin, slug, MISBEHAVING, null, config("{\"mode\":\"class-loaders\"}"));

        Api.Reply reply = checkout.post("api/stores/" + slug + "/tax/quote", cart("FR"));

        // the bundle tries <object>.getClass().getClassLoader().loadClass(PluginHost) and says what happened
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> notices = reply.json().getJsonArray("notices").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        assertThat(notices)
                .hasSize(7)
                .contains("TaxCalculator.class: cannot reach the platform", "context: cannot reach the platform")
                .allSatisfy(notice -> assertThat(notice).contains(": cannot reach the platform"));
    }

    @Test
    @Order(1)
    void a_plugin_refusal_reaches_the_client_as_a_clear_422() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("refuse");
        Api checkout = storeWithQuoteKey(admin, slug);
        install(admin, slug, MISBEHAVING, null, config("{\"mode\":\"reject\"}"));

        Api.Reply refused = checkout.post("api/stores/" + slug + "/tax/quote", cart("FR"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().getString("detail")).contains("destination_not_served");
    }

    @Test
    void a_cart_the_sdk_rejects_is_a_400_naming_the_field() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("badcart");
        Api checkout = storeWithQuoteKey(admin, slug);
        install(admin, slug, ECHO, null, config("{}"));

        Api.Reply negative = checkout.post(
                "api/stores/" + slug + "/tax/quote",
                Json.createObjectBuilder(cart("FR"))
                        .add(
                                "lines",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("sku", "X")
                                                .add("quantity", 0)
                                                .add("unitPrice", 100)))
                        .build());
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().getString("detail")).containsIgnoringCase("quantity");

        Api.Reply badCurrency = checkout.post(
                "api/stores/" + slug + "/tax/quote",
                Json.createObjectBuilder(cart("FR")).add("currency", "EURO").build());
        assertThat(badCurrency.status()).isEqualTo(400);
        assertThat(badCurrency.json().getString("detail")).contains("ISO 4217");
    }

    @Test
    void a_rebuilt_jar_in_the_development_folder_is_picked_up_without_a_restart() throws Exception {
        Api admin = admin();
        Path devFolder = Path.of(System.getProperty("caravan.it.dev-plugins"));
        Path jar = devFolder.resolve("caravan-test-echo-tax-v1.jar");
        String before = releaseSha(admin, ECHO, "1.0.0");

        byte[] rebuilt = withExtraEntry(Files.readAllBytes(jar), "build-" + UUID.randomUUID() + ".txt");
        Path temporary = devFolder.resolve(".rebuild.tmp");
        Files.write(temporary, rebuilt);
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        // The folder watch is asynchronous: poll the observable (the release's SHA-256), bounded.
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        String after = before;
        while (after.equals(before) && Instant.now().isBefore(giveUp)) {
            after = releaseSha(admin, ECHO, "1.0.0");
        }
        assertThat(after).isNotEqualTo(before);

        String slug = Stores.uniqueSlug("dev");
        Api checkout = storeWithQuoteKey(admin, slug);
        install(admin, slug, ECHO, "1.0.0", config("{}"));
        assertThat(firstRule(checkout.post("api/stores/" + slug + "/tax/quote", cart("FR"))))
                .isEqualTo("echo-1.0.0");
    }

    private static String releaseSha(Api admin, String plugin, String version) {
        return admin.get("api/admin/plugins/releases").parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("pluginId").equals(plugin)
                        && r.getString("version").equals(version))
                .findFirst()
                .orElseThrow()
                .getString("sha256");
    }

    private static byte[] withExtraEntry(byte[] jar, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
