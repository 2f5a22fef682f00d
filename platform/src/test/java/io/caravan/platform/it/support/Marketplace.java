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
}
