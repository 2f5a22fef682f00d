package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Bundles;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The marketplace end to end on real servers: a developer publishes, the checks run, an admin
 * reviews, a merchant installs with consent, upgrades, rolls back; an admin yanks and every store
 * on the version is moved back or disabled with the reason; a listing is suspended.
 */
class MarketplaceFlowIT extends PlatformIT {
    private static final String JAR = "application/java-archive";

    private static JsonObject listing(String slug) {
        return Marketplace.listing(
                slug,
                Json.createObjectBuilder()
                        .add("model", "SUBSCRIPTION")
                        .add("amountMinor", 900)
                        .add("currency", "EUR")
                        .add("trialDays", 14));
    }

    private static byte[] echo(String slug, String version) {
        return Marketplace.echo(slug, version);
    }

    private static JsonObject consent() {
        return Marketplace.consent();
    }

    private static String publish(Api dev, Api admin, String slug, String version) {
        return Marketplace.publish(dev, admin, slug, version);
    }

    private static String rule(Api owner, String store) {
        Api.Reply quote = owner.post("api/stores/" + store + "/tax/quote", Carts.mugs("FR"));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        return quote.json().getJsonArray("lineTaxes").getJsonObject(0).getString("ruleId");
    }

    @Test
    void publish_check_review_install_upgrade_rollback_yank_uninstall() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String slug = "flow-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Reply created = dev.post("api/developer/listings", listing(slug));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getJsonObject("pricing").getInt("trialDays")).isEqualTo(14);

        // v1.0.0: upload, a premature approval is refused, submit, approve
        Api.Reply uploaded = dev.upload("api/developer/listings/" + slug + "/versions", echo(slug, "1.0.0"), JAR);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String v1 = uploaded.json().getString("id");
        assertThat(uploaded.json().getString("sha256")).hasSize(64);
        assertThat(admin.post("api/admin/marketplace/versions/" + v1 + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .status())
                .isEqualTo(409);
        Api.Reply submitted =
                dev.post("api/developer/listings/" + slug + "/versions/1.0.0/submit", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().getString("status")).isEqualTo("IN_REVIEW");
        assertThat(
                        admin
                                .get("api/admin/marketplace/reviews")
                                .parse()
                                .asJsonArray()
                                .getValuesAs(JsonObject.class)
                                .stream()
                                .map(v -> v.getString("id"))
                                .toList())
                .contains(v1);
        Api.Reply approved =
                admin.post("api/admin/marketplace/versions/" + v1 + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().getString("status")).isEqualTo("AVAILABLE");
        assertThat(approved.json().getString("version")).isEqualTo("1.0.0");

        // the same version number with other bytes is refused: versions are immutable
        byte[] otherBytes = Bundles.renamed(
                Bundles.testBundle("caravan-test-echo-tax-v2.jar"),
                "test-echo-tax",
                slug,
                "com.flow." + slug.replace('-', '.'),
                "1.0.0");
        assertThat(dev.upload("api/developer/listings/" + slug + "/versions", otherBytes, JAR)
                        .status())
                .isEqualTo(409);

        // a merchant finds it, sees its permissions, installs with consent
        String store = Stores.uniqueSlug("shop");
        Api owner = Stores.onboardAndSignIn(admin, store);
        List<JsonObject> found = owner.get("api/stores/" + store + "/catalog?q=" + slug + "&kind=TAX&country=FR")
                .parse()
                .asJsonArray()
                .getValuesAs(JsonObject.class);
        assertThat(found).extracting(e -> e.getString("slug")).containsExactly(slug);
        JsonObject page = owner.get("api/stores/" + store + "/catalog/" + slug).json();
        assertThat(page.getJsonObject("permissions").getJsonArray("egressHosts").getString(0))
                .isEqualTo("localhost");
        assertThat(page.getString("version")).isEqualTo("1.0.0");
        assertThat(owner.get("api/stores/" + store + "/catalog?q=" + slug + "&country=JP")
                        .parse()
                        .asJsonArray())
                .isEmpty();

        Api.Reply noConsent = owner.post(
                "api/stores/" + store + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", slug)
                        .add("configuration", JsonValue.EMPTY_JSON_OBJECT)
                        .build());
        assertThat(noConsent.status()).isEqualTo(409);
        assertThat(noConsent.json().getString("detail")).contains("consent").contains("localhost");
        Api.Reply installed = owner.post(
                "api/stores/" + store + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", slug)
                        .add("configuration", JsonValue.EMPTY_JSON_OBJECT)
                        .add("consent", consent())
                        .build());
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        assertThat(installed.json().getString("version")).isEqualTo("1.0.0");
        assertThat(installed.json().getString("status")).isEqualTo("ENABLED");
        assertThat(rule(owner, store)).isEqualTo("echo-1.0.0");
        // the owner configures it, validated against the plugin's schema
        Api.Reply configured = owner.put(
                "api/stores/" + store + "/plugins/" + slug + "/configuration",
                Json.createObjectBuilder()
                        .add("configuration", Json.createObjectBuilder().add("label", "from the owner"))
                        .build());
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        assertThat(owner.post("api/stores/" + store + "/tax/quote", Carts.mugs("FR"))
                        .json()
                        .getJsonArray("lineTaxes")
                        .getJsonObject(0)
                        .getString("explanation"))
                .contains("from the owner");
        Api.Reply badConfig = owner.put(
                "api/stores/" + store + "/plugins/" + slug + "/configuration",
                Json.createObjectBuilder()
                        .add("configuration", Json.createObjectBuilder().add("colour", "blue"))
                        .build());
        assertThat(badConfig.status()).isEqualTo(400);
        assertThat(badConfig.json().getString("detail")).contains("colour");
        JsonObject stats = dev.get("api/developer/listings/" + slug + "/stats").json();
        assertThat(stats.getInt("installs")).isEqualTo(1);
        // per point: the platform's own health checks of the installation are counted apart
        assertThat(stats.getJsonArray("calls").getValuesAs(JsonObject.class).stream()
                        .filter(c -> c.getString("point").equals("TAX_CALCULATOR"))
                        .findFirst()
                        .orElseThrow()
                        .getJsonNumber("answered")
                        .longValue())
                .isEqualTo(2);

        // v1.1.0 published; the merchant upgrades, rolls back, upgrades again
        String v2 = publish(dev, admin, slug, "1.1.0");
        assertVersion(upgrade(owner, store, slug), "1.1.0", "1.0.0");
        assertThat(rule(owner, store)).isEqualTo("echo-1.1.0");
        Api.Reply rolledBack =
                owner.post("api/stores/" + store + "/plugins/" + slug + "/rollback", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
        assertVersion(rolledBack, "1.0.0", "1.1.0");
        assertThat(rule(owner, store)).isEqualTo("echo-1.0.0");
        assertVersion(upgrade(owner, store, slug), "1.1.0", "1.0.0");
        assertThat(rule(owner, store)).isEqualTo("echo-1.1.0");

        // a second store installs 1.1.0 directly: it has nothing to go back to
        String fresh = Stores.uniqueSlug("fresh");
        Api freshOwner = Stores.onboardAndSignIn(admin, fresh);
        Api.Reply freshInstalled = freshOwner.post(
                "api/stores/" + fresh + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", slug)
                        .add("version", "1.1.0")
                        .add("consent", consent())
                        .build());
        assertThat(freshInstalled.status()).as(freshInstalled.toString()).isEqualTo(201);
        assertThat(freshInstalled.json().getString("version")).isEqualTo("1.1.0");
        assertThat(freshInstalled.json().get("previousVersion")).isIn(null, JsonValue.NULL);
        assertThat(rule(freshOwner, fresh)).isEqualTo("echo-1.1.0");

        // control: a third store runs 1.0.0, which is not yanked; the yank must leave it untouched
        String steady = Stores.uniqueSlug("steady");
        Api steadyOwner = Stores.onboardAndSignIn(admin, steady);
        Api.Reply steadyInstalled = steadyOwner.post(
                "api/stores/" + steady + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", slug)
                        .add("version", "1.0.0")
                        .add("consent", consent())
                        .build());
        assertThat(steadyInstalled.status()).as(steadyInstalled.toString()).isEqualTo(201);
        assertThat(steadyInstalled.json().getString("version")).isEqualTo("1.0.0");
        JsonObject steadyBefore =
                steadyOwner.get("api/stores/" + steady + "/plugins/" + slug).json();

        // yank 1.1.0: the first store goes back to 1.0.0, the second is disabled with the reason
        Api.Reply yanked = admin.post(
                "api/admin/marketplace/versions/" + v2 + "/yank",
                Json.createObjectBuilder()
                        .add("reason", "computes 10 % on shipping by mistake")
                        .build());
        assertThat(yanked.status()).as(yanked.toString()).isEqualTo(200);
        assertThat(yanked.json().getInt("storesMoved")).isEqualTo(1);
        assertThat(yanked.json().getInt("storesDisabled")).isEqualTo(1);
        assertThat(rule(owner, store)).isEqualTo("echo-1.0.0");
        JsonObject disabled =
                freshOwner.get("api/stores/" + fresh + "/plugins/" + slug).json();
        assertThat(disabled.getString("status")).isEqualTo("DISABLED");
        assertThat(disabled.getString("statusReason")).contains("withdrawn").contains("10 % on shipping");
        assertThat(freshOwner
                        .post("api/stores/" + fresh + "/tax/quote", Carts.mugs("FR"))
                        .status())
                .isEqualTo(409);
        List<String> actions = owner
                .get("api/stores/" + store + "/audit")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(e -> e.getString("action"))
                .toList();
        assertThat(actions).contains("plugin.moved-off-withdrawn-version");
        assertThat(upgrade(owner, store, slug).status()).isEqualTo(409);
        // the control store on 1.0.0: same installation, same version, enabled, answering, nothing in its audit
        JsonObject steadyAfter =
                steadyOwner.get("api/stores/" + steady + "/plugins/" + slug).json();
        assertThat(steadyAfter.getString("status")).isEqualTo("ENABLED");
        assertThat(steadyAfter.getString("version")).isEqualTo("1.0.0");
        assertThat(steadyAfter.get("statusReason")).isIn(null, JsonValue.NULL);
        assertThat(steadyAfter.getString("id")).isEqualTo(steadyBefore.getString("id"));
        assertThat(steadyAfter.getString("updatedAt")).isEqualTo(steadyBefore.getString("updatedAt"));
        assertThat(rule(steadyOwner, steady)).isEqualTo("echo-1.0.0");
        assertThat(steadyOwner
                        .get("api/stores/" + steady + "/audit")
                        .json()
                        .getJsonArray("items")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .map(e -> e.getString("action"))
                        .toList())
                .doesNotContain("plugin.moved-off-withdrawn-version", "plugin.disabled");

        // suspended listing: no new installs, running ones continue
        assertThat(admin.post(
                                "api/admin/marketplace/listings/" + slug + "/suspend",
                                Json.createObjectBuilder()
                                        .add("reason", "under investigation")
                                        .build())
                        .status())
                .isEqualTo(200);
        String late = Stores.uniqueSlug("late");
        Api lateOwner = Stores.onboardAndSignIn(admin, late);
        Api.Reply refused = lateOwner.post(
                "api/stores/" + late + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", slug)
                        .add("consent", consent())
                        .build());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("detail")).contains("suspended");
        assertThat(rule(owner, store)).isEqualTo("echo-1.0.0");
        Api.Reply reinstated =
                admin.post("api/admin/marketplace/listings/" + slug + "/reinstate", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(reinstated.status()).as(reinstated.toString()).isEqualTo(200);
        assertThat(reinstated.json().getString("status")).isEqualTo("ACTIVE");

        assertThat(dev.get("api/developer/listings/" + slug + "/stats").json().getInt("installs"))
                .isEqualTo(3);
        assertThat(owner.delete("api/stores/" + store + "/plugins/" + slug).status())
                .isEqualTo(204);
        assertThat(owner.post("api/stores/" + store + "/tax/quote", Carts.mugs("FR"))
                        .status())
                .isEqualTo(409);
        assertThat(dev.get("api/developer/listings/" + slug + "/stats").json().getInt("installs"))
                .isEqualTo(2);
    }

    /** The store owner moves the store's installation to 1.1.0. */
    private static Api.Reply upgrade(Api owner, String store, String slug) {
        return owner.put(
                "api/stores/" + store + "/plugins/" + slug + "/version",
                Json.createObjectBuilder()
                        .add("pluginId", slug)
                        .add("version", "1.1.0")
                        .build());
    }

    private static void assertVersion(Api.Reply reply, String version, String previousVersion) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("version")).isEqualTo(version);
        assertThat(reply.json().getString("previousVersion")).isEqualTo(previousVersion);
        assertThat(reply.json().getString("status")).isEqualTo("ENABLED");
    }

    @Test
    void a_bundle_failing_the_checks_is_stored_as_rejected_and_can_never_be_installed() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String slug = "threads-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(dev.post("api/developer/listings", listing(slug)).status()).isEqualTo(201);
        byte[] spawnsThreads = Bundles.renamed(
                Bundles.testBundle("caravan-test-misbehaving.jar"),
                "test-misbehaving",
                slug,
                "com.flow." + slug.replace('-', '.'),
                "1.0.0");

        Api.Reply rejected = dev.upload("api/developer/listings/" + slug + "/versions", spawnsThreads, JAR);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().getString("detail"))
                .contains("bytecode.forbidden-api")
                .contains("Thread");
        assertThat(rejected.json().getJsonObject("version").getString("status")).isEqualTo("REJECTED");
        JsonObject stored =
                dev.get("api/developer/listings/" + slug + "/versions/1.0.0").json();
        assertThat(stored.getString("status")).isEqualTo("REJECTED");
        assertThat(stored.getJsonObject("report").getBoolean("passed")).isFalse();
        // a rejected upload keeps its report, never its bytes: nothing of it is in the artifact store
        String rejectedSha = stored.getString("sha256");
        Path artifactsDir = Path.of(System.getProperty("caravan.it.plugins-dir"), "artifacts");
        assertThat(artifactsDir)
                .as("the server's artifact store (first-party plugins are in it)")
                .isDirectory();
        try (Stream<Path> files = Files.walk(artifactsDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith(rejectedSha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(dev.post("api/developer/listings/" + slug + "/versions/1.0.0/submit", JsonValue.EMPTY_JSON_OBJECT)
                        .status())
                .isEqualTo(409);
        String store = Stores.uniqueSlug("nope");
        Api owner = Stores.onboardAndSignIn(admin, store);
        assertThat(owner.post(
                                "api/stores/" + store + "/plugins",
                                Json.createObjectBuilder()
                                        .add("pluginId", slug)
                                        .add("version", "1.0.0")
                                        .build())
                        .status())
                .isIn(404, 409);
        assertThat(owner.get("api/stores/" + store + "/catalog/" + slug).status())
                .isEqualTo(404);

        // the version number was never approved, so fixed bytes may reuse it: the upload replaces the rejected one
        byte[] fixed = Bundles.renamed(
                Bundles.testBundle("caravan-test-echo-tax-v1.jar"),
                "test-echo-tax",
                slug,
                "com.flow." + slug.replace('-', '.'),
                "1.0.0");
        Api.Reply replaced = dev.upload("api/developer/listings/" + slug + "/versions", fixed, JAR);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(replaced.json().getString("status")).isEqualTo("PASSED");
        JsonObject now =
                dev.get("api/developer/listings/" + slug + "/versions/1.0.0").json();
        assertThat(now.getString("status")).isEqualTo("PASSED");
        assertThat(now.getString("sha256")).isNotEqualTo(stored.getString("sha256"));
        assertThat(dev.get("api/developer/listings/" + slug + "/versions")
                        .parse()
                        .asJsonArray())
                .hasSize(1);
        assertThat(dev.post("api/developer/listings/" + slug + "/versions/1.0.0/submit", JsonValue.EMPTY_JSON_OBJECT)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void listings_belong_to_their_developer_and_merchants_cannot_publish() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String slug = "own-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(dev.post("api/developer/listings", listing(slug)).status()).isEqualTo(201);
        assertThat(dev.post("api/developer/listings", listing(slug)).status()).isEqualTo(409);

        Api merchant = anonymous().withToken(Stores.demoToken("mara"));
        assertThat(merchant.get("api/developer/listings").status()).isEqualTo(403);
        assertThat(merchant.upload("api/developer/listings/" + slug + "/versions", echo(slug, "1.0.0"), JAR)
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("api/developer/listings/" + slug).status())
                .as("an admin is not a plugin developer: the developer API refuses them")
                .isEqualTo(403);

        Api.Reply invalid = dev.post(
                "api/developer/listings",
                Json.createObjectBuilder(listing("bad-" + slug))
                        .add(
                                "pricing",
                                Json.createObjectBuilder()
                                        .add("model", "ONE_TIME")
                                        .add("amountMinor", -5)
                                        .add("currency", "EUR"))
                        .build());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().getString("detail")).contains("pricing.amountMinor");
    }
}
