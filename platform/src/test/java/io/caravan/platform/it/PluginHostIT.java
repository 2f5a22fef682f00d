package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Bundles;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import io.caravan.platform.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Plugins on the running server: releases published at start (first-party) and from the
 * development folder, installed per store by an admin, called through the invoker by the store's
 * tax quote endpoint; upgrade, rollback, disable and uninstall take effect on the next call of
 * that store only; a misbehaving plugin of one store leaves another store's quotes alone.
 */
// Cases whose calls overrun run a version of their own (devRelease): after an overrun the version's
// sandbox workers are being replaced for a second or two (docs/architecture.md, "The sandbox"), and
// another case's call on that version could find no worker in its 1 s.
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

        // discounts are taxed away and a cash-on-delivery fee is taxed like shipping (19 %)
        Api.Reply discounted =
                checkout.post("api/stores/" + slug + "/tax/quote", Carts.discountedMugsWithCodFee("DE", 600));
        assertThat(discounted.status()).as(discounted.toString()).isEqualTo(200);
        JsonObject discountedLine = discounted.json().getJsonArray("lineTaxes").getJsonObject(0);
        assertThat(discountedLine.getJsonNumber("taxableAmount").longValue()).isEqualTo(3000);
        assertThat(discountedLine.getJsonNumber("taxAmount").longValue()).isEqualTo(570);
        assertThat(discounted.json().getJsonArray("shippingTaxes"))
                .as("free shipping carries no tax")
                .isEmpty();
        JsonObject codFee = discounted.json().getJsonArray("feeTaxes").getJsonObject(0);
        assertThat(codFee.getString("lineRef")).isEqualTo("cod-fee");
        assertThat(codFee.getJsonNumber("taxableAmount").longValue()).isEqualTo(300);
        assertThat(codFee.getJsonNumber("taxAmount").longValue()).isEqualTo(57);

        Api.Reply tooMuchOff =
                checkout.post("api/stores/" + slug + "/tax/quote", Carts.discountedMugsWithCodFee("DE", 3601));
        assertThat(tooMuchOff.status()).isEqualTo(400);
        assertThat(tooMuchOff.json().getString("detail"))
                .contains("lines[].discount must be at most the line's amount");

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

    /** Ten quotes of each store at once, on eight client threads; the replies, store A's first. */
    private static List<List<Api.Reply>> concurrently(Api checkoutA, String a, Api checkoutB, String b)
            throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> callsA = new ArrayList<>();
            List<Future<Api.Reply>> callsB = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                callsA.add(callers.submit(() -> checkoutA.post("api/stores/" + a + "/tax/quote", cart("FR"))));
                callsB.add(callers.submit(() -> checkoutB.post("api/stores/" + b + "/tax/quote", cart("FR"))));
            }
            List<Api.Reply> repliesA = new ArrayList<>();
            for (Future<Api.Reply> call : callsA) {
                repliesA.add(call.get());
            }
            List<Api.Reply> repliesB = new ArrayList<>();
            for (Future<Api.Reply> call : callsB) {
                repliesB.add(call.get());
            }
            return List.of(repliesA, repliesB);
        } finally {
            callers.shutdownNow();
        }
    }

    private static JsonObject storeMetrics(Api admin, String slug) {
        Api owner = admin.withToken(Stores.signIn(Stores.ownerEmail(slug)));
        return owner.get("api/stores/" + slug + "/plugins/metrics").parse().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> m.getString("point").equals("TAX_CALCULATOR"))
                .findFirst()
                .orElseThrow();
    }

    private static long failures(JsonObject metrics, String kind) {
        JsonObject failures = metrics.getJsonObject("failures");
        return failures.containsKey(kind) ? failures.getJsonNumber(kind).longValue() : 0;
    }

    /**
     * Both stores run the same version (one of this case's own): store A's configuration makes
     * every call throw, store B's answers. A's failures open A's breaker, and B, on the very same
     * bundle, keeps answering: a breaker kept per version rather than per store would fail B.
     */
    @Test
    void a_failing_plugin_opens_its_own_stores_breaker_and_leaves_another_store_on_the_same_version_alone()
            throws Exception {
        Api admin = admin();
        String plugin = devRelease(admin, "caravan-test-misbehaving.jar", MISBEHAVING, "test-iso");
        String bad = Stores.uniqueSlug("bad");
        String good = Stores.uniqueSlug("good");
        Api checkoutBad = storeWithQuoteKey(admin, bad);
        Api checkoutGood = storeWithQuoteKey(admin, good);
        assertThat(install(admin, bad, plugin, null, config("{\"mode\":\"throw\"}"))
                        .status())
                .isEqualTo(201);
        assertThat(install(admin, good, plugin, null, config("{\"mode\":\"ok\"}"))
                        .status())
                .isEqualTo(201);
        Api.Reply first = checkoutGood.post("api/stores/" + good + "/tax/quote", cart("FR"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(firstRule(first)).isEqualTo("misbehaving-ok");

        List<List<Api.Reply>> replies = concurrently(checkoutBad, bad, checkoutGood, good);

        assertBadStoreFailsAndGoodStoreAnswers(replies, first, plugin);
        // A's breaker is open now (five failures among its last ten calls) and B's is not
        Api.Reply suspended = checkoutBad.post("api/stores/" + bad + "/tax/quote", cart("FR"));
        assertThat(suspended.status()).isEqualTo(503);
        assertThat(suspended.json().getString("detail")).contains("suspended");
        assertThat(checkoutGood
                        .post("api/stores/" + good + "/tax/quote", cart("FR"))
                        .body())
                .isEqualTo(first.body());

        JsonObject goodMetrics = storeMetrics(admin, good);
        assertThat(goodMetrics.getJsonNumber("answered").longValue()).isEqualTo(12);
        assertThat(goodMetrics.getJsonObject("failures")).isEmpty();
        JsonObject badMetrics = storeMetrics(admin, bad);
        assertThat(badMetrics.getJsonNumber("answered").longValue()).isZero();
        assertThat(failures(badMetrics, "ERROR")).isGreaterThanOrEqualTo(5);
        assertThat(failures(badMetrics, "ERROR") + failures(badMetrics, "CIRCUIT_OPEN"))
                .isEqualTo(11);
    }

    /**
     * Store A's plugin (a version of this case's own) spins past the deadline, holding its sandbox
     * workers until they are killed; store B, on another plugin, makes calls at the same time and
     * every one answers. (B on the same version is not claimed: the version's sandbox workers are
     * shared by its stores, and A's hung calls leave B's calls on that version without a worker
     * within their deadline; see the report of issue #13.)
     */
    @Test
    void a_hung_plugin_fails_its_own_store_closed_and_leaves_stores_on_other_plugins_alone() throws Exception {
        Api admin = admin();
        String plugin = devRelease(admin, "caravan-test-misbehaving.jar", MISBEHAVING, "test-hung");
        String bad = Stores.uniqueSlug("bad");
        String good = Stores.uniqueSlug("good");
        Api checkoutBad = storeWithQuoteKey(admin, bad);
        Api checkoutGood = storeWithQuoteKey(admin, good);
        assertThat(install(admin, bad, plugin, null, config("{\"mode\":\"spin\",\"millis\":3000}"))
                        .status())
                .isEqualTo(201);
        assertThat(install(admin, good, ECHO, "1.0.0", config("{}")).status()).isEqualTo(201);
        Api.Reply first = checkoutGood.post("api/stores/" + good + "/tax/quote", cart("FR"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        List<List<Api.Reply>> replies = concurrently(checkoutBad, bad, checkoutGood, good);

        assertBadStoreFailsAndGoodStoreAnswers(replies, first, plugin);
        JsonObject goodMetrics = storeMetrics(admin, good);
        assertThat(goodMetrics.getJsonNumber("answered").longValue()).isEqualTo(11);
        assertThat(goodMetrics.getJsonObject("failures")).isEmpty();
        // A's calls really hung: the first ones overran their deadline, none answered
        JsonObject badMetrics = storeMetrics(admin, bad);
        assertThat(badMetrics.getJsonNumber("answered").longValue()).isZero();
        assertThat(failures(badMetrics, "TIMEOUT")).isPositive();
        assertThat(badMetrics.getJsonNumber("calls").longValue()).isEqualTo(10);
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

    /**
     * A rebuild with a real change of behaviour (the calculator's rate constant edited from 10 % to
     * 25 %, as a developer's edit and {@code mvn package} would produce it) replaces the
     * development build, and a store installed before the rebuild gets the new code at its next
     * call, without a restart or a reinstall. The plugin is one of this case's own, so other cases
     * keep the echo plugin's 10 %.
     */
    @Test
    void a_rebuilt_jar_in_the_development_folder_is_picked_up_without_a_restart() throws Exception {
        Api admin = admin();
        String plugin = "test-echo-dev-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] original = Bundles.renamed(
                Files.readAllBytes(devFolder().resolve("caravan-test-echo-tax-v1.jar")),
                ECHO,
                plugin,
                "io.caravan.test." + plugin.replace('-', '.'),
                "1.0.0");
        Path jar = devFolder().resolve(plugin + ".jar");
        try {
            drop(jar, original);
            String before = awaitRelease(admin, plugin, sha -> true);

            String slug = Stores.uniqueSlug("dev");
            Api checkout = storeWithQuoteKey(admin, slug);
            assertThat(install(admin, slug, plugin, "1.0.0", config("{}")).status())
                    .isEqualTo(201);
            JsonObject line = firstLine(checkout.post("api/stores/" + slug + "/tax/quote", cart("FR")));
            assertThat(line.getJsonNumber("taxAmount").longValue()).isEqualTo(360);
            assertThat(line.getString("ruleId")).isEqualTo("echo-1.0.0");

            drop(
                    jar,
                    Bundles.withClassConstant(
                            original, "io/caravan/test/echotax/EchoTaxCalculator.class", "0.10", "0.25"));
            String after = awaitRelease(admin, plugin, sha -> !sha.equals(before));
            assertThat(after).isNotEqualTo(before);

            JsonObject rebuilt = firstLine(checkout.post("api/stores/" + slug + "/tax/quote", cart("FR")));
            assertThat(rebuilt.getJsonNumber("taxableAmount").longValue()).isEqualTo(3600);
            assertThat(rebuilt.getJsonNumber("taxAmount").longValue())
                    .as("the rebuilt code's 25 %")
                    .isEqualTo(900);
            assertThat(rebuilt.getString("ruleId")).isEqualTo("echo-1.0.0");
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    /**
     * An admin sees on the node what its plugin host runs, including a version quarantined after
     * timing out for three stores, and lifts the quarantine; nobody else can do either.
     */
    @Test
    void an_admin_sees_the_node_and_lifts_a_quarantine_and_nobody_else_can() throws Exception {
        Api admin = admin();
        String plugin = devRelease(admin, "caravan-test-misbehaving.jar", MISBEHAVING, "test-quar");
        String release = releaseId(admin, plugin, "1.0.0");
        String steady = Stores.uniqueSlug("steady");
        Api checkoutSteady = storeWithQuoteKey(admin, steady);
        assertThat(install(admin, steady, plugin, null, config("{\"mode\":\"ok\"}"))
                        .status())
                .isEqualTo(201);
        assertThat(checkoutSteady
                        .post("api/stores/" + steady + "/tax/quote", cart("FR"))
                        .status())
                .isEqualTo(200);
        assertThat(quarantined(admin)).doesNotContainKey(release);

        // the version times out for three stores (the default quarantine threshold)
        for (int i = 0; i < 3; i++) {
            String slug = Stores.uniqueSlug("slow");
            Api checkout = storeWithQuoteKey(admin, slug);
            assertThat(install(admin, slug, plugin, null, config("{\"mode\":\"sleep\",\"millis\":5000}"))
                            .status())
                    .isEqualTo(201);
            Api.Reply timedOut = checkout.post("api/stores/" + slug + "/tax/quote", cart("FR"));
            assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(503);
            assertThat(timedOut.json().getString("detail")).contains("deadline");
        }

        JsonObject node = admin.get("api/admin/plugins/node").json();
        assertThat(node.getString("sdkVersion")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(node.getJsonObject("sandbox").getString("walls")).startsWith("ISOLATED");
        assertThat(node.getJsonObject("sandbox").getBoolean("runsUncertified")).isTrue();
        assertThat(node.getJsonObject("sandbox").getInt("workers")).isPositive();
        assertThat(node.getJsonObject("quarantined")).containsKey(release);
        JsonObject calls = node.getJsonArray("plugins").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("pluginId").equals(plugin)
                        && m.getString("point").equals("TAX_CALCULATOR"))
                .findFirst()
                .orElseThrow();
        assertThat(calls.getJsonNumber("answered").longValue()).isEqualTo(1);
        assertThat(calls.getJsonObject("failures").getJsonNumber("TIMEOUT").longValue())
                .isEqualTo(3);
        assertThat(releaseView(admin, release).get("quarantinedUntil")).isInstanceOf(JsonString.class);
        Api.Reply refused = checkoutSteady.post("api/stores/" + steady + "/tax/quote", cart("FR"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().getString("detail")).contains("quarantined");

        // neither a store owner, a developer nor an anonymous caller sees the node or lifts it
        Api owner = admin.withToken(Stores.signIn(Stores.ownerEmail(steady)));
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String lift = "api/admin/plugins/releases/" + release + "/quarantine";
        for (Api outsider : List.of(owner, dev)) {
            assertThat(outsider.get("api/admin/plugins/node").status()).isEqualTo(403);
            Api.Reply notLifted = outsider.delete(lift);
            assertThat(notLifted.status()).isEqualTo(403);
            assertThat(notLifted.contentType()).startsWith("application/problem+json");
        }
        assertThat(anonymous().get("api/admin/plugins/node").status()).isEqualTo(401);
        assertThat(anonymous().delete(lift).status()).isEqualTo(401);
        assertThat(quarantined(admin)).as("still quarantined").containsKey(release);

        Api.Reply lifted = admin.delete(lift);
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(204);
        assertThat(quarantined(admin)).doesNotContainKey(release);
        assertThat(releaseView(admin, release).get("quarantinedUntil")).isIn(null, JsonValue.NULL);
        // admitted again: never refused as quarantined; the answer comes once the sandbox replaced the
        // workers the timeouts killed
        Api.Reply answered =
                awaitReply(() -> checkoutSteady.post("api/stores/" + steady + "/tax/quote", cart("FR")), reply -> {
                    assertThat(reply.body()).doesNotContain("quarantined");
                    return reply.status() == 200;
                });
        assertThat(firstRule(answered)).isEqualTo("misbehaving-ok");

        String unknown = UUID.randomUUID().toString();
        Api.Reply none = admin.delete("api/admin/plugins/releases/" + unknown + "/quarantine");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().getString("detail")).contains(unknown);
    }

    private static Path devFolder() {
        return Path.of(System.getProperty("caravan.it.dev-plugins"));
    }

    /** Writes a jar into the development folder in one step, as a build's final move would. */
    private static void drop(Path jar, byte[] bytes) throws IOException {
        Path temporary = jar.resolveSibling("." + jar.getFileName() + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A version of a test bundle of this case's own: renamed to a fresh plugin id, dropped into
     * the development folder and registered. Its file is removed again (the release stays).
     */
    private String devRelease(Api admin, String jarName, String oldId, String prefix) throws Exception {
        String plugin = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path jar = devFolder().resolve(plugin + ".jar");
        drop(
                jar,
                Bundles.renamed(
                        Files.readAllBytes(devFolder().resolve(jarName)),
                        oldId,
                        plugin,
                        "io.caravan.test." + plugin.replace('-', '.'),
                        "1.0.0"));
        try {
            awaitRelease(admin, plugin, sha -> true);
        } finally {
            Files.delete(jar);
        }
        return plugin;
    }

    /** The SHA-256 of the plugin's 1.0.0 once it is registered with one that {@code wanted} accepts. */
    private static String awaitRelease(Api admin, String plugin, Predicate<String> wanted) throws Exception {
        // the folder watch is asynchronous (and waits for the file to be quiet)
        Optional<String> sha = Poll.until(
                () -> releaseSha(admin, plugin, "1.0.0"),
                found -> found.isPresent() && wanted.test(found.get()),
                Duration.ofSeconds(30),
                Duration.ofMillis(200));
        if (sha.isEmpty() || !wanted.test(sha.get())) {
            throw new AssertionError("the development folder did not register " + plugin + " within 30 s (now "
                    + sha.orElse("absent") + ")");
        }
        return sha.get();
    }

    /** Repeats a request, with a pause, until {@code done} accepts its reply (bounded). */
    private static Api.Reply awaitReply(Callable<Api.Reply> request, Predicate<Api.Reply> done) throws Exception {
        Api.Reply reply = Poll.until(request, done, Duration.ofSeconds(30), Duration.ofMillis(200));
        if (!done.test(reply)) {
            throw new AssertionError("no wanted reply within 30 s; last: " + reply);
        }
        return reply;
    }

    /**
     * Of {@link #concurrently}'s replies, the misbehaving store's (first) all failed closed naming
     * the plugin, the good store's (second) all answered like its first call.
     */
    private static void assertBadStoreFailsAndGoodStoreAnswers(
            List<List<Api.Reply>> replies, Api.Reply goodFirst, String plugin) {
        assertThat(replies.get(1)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(goodFirst.body());
        });
        assertThat(replies.get(0)).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
            assertThat(reply.json().getString("type")).endsWith("plugin-failed");
            assertThat(reply.json().getString("detail")).contains(plugin).doesNotContain("Exception\n\tat");
        });
    }

    private static JsonObject firstLine(Api.Reply quote) {
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        return quote.json().getJsonArray("lineTaxes").getJsonObject(0);
    }

    private static Map<String, JsonValue> quarantined(Api admin) {
        return admin.get("api/admin/plugins/node").json().getJsonObject("quarantined");
    }

    private static JsonObject releaseView(Api admin, String releaseId) {
        return admin.get("api/admin/plugins/releases").parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(releaseId))
                .findFirst()
                .orElseThrow();
    }

    private static String releaseId(Api admin, String plugin, String version) {
        return admin.get("api/admin/plugins/releases").parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("pluginId").equals(plugin)
                        && r.getString("version").equals(version))
                .findFirst()
                .orElseThrow()
                .getString("id");
    }

    private static Optional<String> releaseSha(Api admin, String plugin, String version) {
        return admin.get("api/admin/plugins/releases").parse().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("pluginId").equals(plugin)
                        && r.getString("version").equals(version))
                .findFirst()
                .map(r -> r.getString("sha256"));
    }
}
