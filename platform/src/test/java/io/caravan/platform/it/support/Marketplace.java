package io.caravan.platform.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Publishing through the real marketplace API: listings, uploads, review. */
public final class Marketplace {
    public static final String JAR = "application/java-archive";

    private Marketplace() {}

    public static JsonObject listing(String slug, JsonObjectBuilder pricing) {
        return Json.createObjectBuilder()
                .add("slug", slug)
                .add("name", "Flow Tax " + slug)
                .add("summary", "A flat tax for marketplace tests")
                .add(
                        "descriptions",
                        Json.createObjectBuilder()
                                .add("en", "Taxes every line at 10 %.")
                                .add("pt-PT", "Tributa cada linha a 10 %."))
                .add("categories", Json.createArrayBuilder().add("tax").add("testing"))
                .add("kinds", Json.createArrayBuilder().add("TAX"))
                .add("countries", Json.createArrayBuilder().add("FR").add("DE").add("PT"))
                .add("pricing", pricing)
                .add("supportEmail", "support@flow.example")
                .build();
    }

    /** The echo test bundle re-identified as version {@code version} of plugin {@code slug}. */
    public static byte[] echo(String slug, String version) {
        String source = version.startsWith("1.0") ? "caravan-test-echo-tax-v1.jar" : "caravan-test-echo-tax-v2.jar";
        return Bundles.renamed(
                Bundles.testBundle(source), "test-echo-tax", slug, "com.flow." + slug.replace('-', '.'), version);
    }

    /** What installing the echo bundle needs consent to. */
    public static JsonObject consent() {
        return Json.createObjectBuilder()
                .add("egressHosts", Json.createArrayBuilder().add("localhost"))
                .build();
    }

    /** Uploads, submits and approves a version; returns its id. */
    public static String publish(Api dev, Api admin, String slug, String version) {
        Api.Reply uploaded = dev.upload("api/developer/listings/" + slug + "/versions", echo(slug, version), JAR);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().getJsonObject("report").getBoolean("passed")).isTrue();
        String id = uploaded.json().getString("id");
        assertThat(dev.post(
                                "api/developer/listings/" + slug + "/versions/" + version + "/submit",
                                JsonValue.EMPTY_JSON_OBJECT)
                        .json()
                        .getString("status"))
                .isEqualTo("IN_REVIEW");
        assertThat(admin.post("api/admin/marketplace/versions/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT)
                        .json()
                        .getString("status"))
                .isEqualTo("AVAILABLE");
        return id;
    }

    /** Creates a listing with the given pricing, no version yet. */
    public static void create(Api dev, String slug, JsonObjectBuilder pricing) {
        Api.Reply created = dev.post("api/developer/listings", listing(slug, pricing));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** A free listing's pricing. */
    public static JsonObjectBuilder free() {
        return Json.createObjectBuilder().add("model", "FREE");
    }

    /** Creates a listing with the given pricing and publishes its 1.0.0. */
    public static void listed(Api dev, Api admin, String slug, JsonObjectBuilder pricing) {
        create(dev, slug, pricing);
        publish(dev, admin, slug, "1.0.0");
    }

    /** A store owner installs the plugin with consent. */
    public static void install(Api owner, String store, String slug) {
        Api.Reply installed = owner.post(
                "api/stores/" + store + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", slug)
                        .add("configuration", JsonValue.EMPTY_JSON_OBJECT)
                        .add("consent", consent())
                        .build());
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
    }

    /** The order-listener test bundle's jar (plugins/test-bundles/order-listener). */
    public static final String ORDER_LISTENER_JAR = "caravan-test-order-listener.jar";

    /**
     * Lists, uploads, submits and approves the order-listener test bundle under a new listing of
     * {@code dev}'s named {@code prefix-<hex>} (uncertified: it runs in a sandbox worker).
     *
     * @return its slug and release id
     */
    public static String[] publishOrderListener(Api dev, Api admin, String prefix) {
        String slug = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        create(dev, slug, free());
        byte[] jar = Bundles.renamed(
                Bundles.testBundle(ORDER_LISTENER_JAR),
                "test-order-listener",
                slug,
                "com.flow." + slug.replace('-', '.'),
                "1.0.0");
        Api.Reply uploaded = dev.upload("api/developer/listings/" + slug + "/versions", jar, JAR);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().getJsonObject("report").getBoolean("passed"))
                .as(uploaded.toString())
                .isTrue();
        String id = uploaded.json().getString("id");
        Api.Reply submitted =
                dev.post("api/developer/listings/" + slug + "/versions/1.0.0/submit", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        Api.Reply approved =
                admin.post("api/admin/marketplace/versions/" + id + "/approve", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return new String[] {slug, id};
    }

    /**
     * A store owner installs a plugin that listens to order events, consenting to the events it
     * asks for (PLACED, CONFIRMED, COMPLETED for the order-listener bundle) and nothing else.
     */
    public static void installListener(Api owner, String store, String slug, JsonObjectBuilder configuration) {
        Api.Reply installed = owner.post(
                "api/stores/" + store + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", slug)
                        .add("configuration", configuration)
                        .add(
                                "consent",
                                Json.createObjectBuilder()
                                        .add("egressHosts", Json.createArrayBuilder())
                                        .add(
                                                "events",
                                                Json.createArrayBuilder()
                                                        .add("PLACED")
                                                        .add("CONFIRMED")
                                                        .add("COMPLETED"))
                                        .add("data", Json.createArrayBuilder()))
                        .build());
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
    }
}
