package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Bundles;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an upload must clear besides the bundle checks, on real servers: a Bundle-SymbolicName
 * belongs to one listing (another listing's, or a first-party plugin's, is a 409 naming the
 * field), and an upload that is not a bundle is answered without a byte of it reaching the
 * artifact store. (The per-developer quotas are unit-tested in UploadLimitsTest; the ITs run with a
 * high rate limit so that their shared developer is never throttled.)
 */
class UploadLimitsIT extends PlatformIT {
    private static final String JAR = "application/java-archive";

    private static JsonObject listing(String slug) {
        return Marketplace.listing(
                slug,
                Json.createObjectBuilder()
                        .add("model", "SUBSCRIPTION")
                        .add("amountMinor", 500)
                        .add("currency", "EUR")
                        .add("trialDays", 0));
    }

    private static byte[] echoAs(String slug, String symbolicName, String version) {
        return Bundles.renamed(
                Bundles.testBundle("caravan-test-echo-tax-v1.jar"), "test-echo-tax", slug, symbolicName, version);
    }

    @Test
    void a_symbolic_name_belongs_to_one_listing_and_first_party_names_are_reserved() {
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String first = "bsn-a-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "bsn-b-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(dev.post("api/developer/listings", listing(first)).status()).isEqualTo(201);
        assertThat(dev.post("api/developer/listings", listing(second)).status()).isEqualTo(201);
        String symbolicName = "com.flow." + first.replace('-', '.');

        Api.Reply owned =
                dev.upload("api/developer/listings/" + first + "/versions", echoAs(first, symbolicName, "1.0.0"), JAR);
        assertThat(owned.status()).as(owned.toString()).isEqualTo(201);

        // another listing may use the name neither with the same version nor with another
        for (String version : new String[] {"1.0.0", "1.0.5"}) {
            Api.Reply taken = dev.upload(
                    "api/developer/listings/" + second + "/versions", echoAs(second, symbolicName, version), JAR);
            assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
            assertThat(taken.contentType()).startsWith("application/problem+json");
            assertThat(taken.json().getString("type")).endsWith("/symbolic-name-taken");
            assertThat(taken.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("Bundle-SymbolicName");
            assertThat(taken.json().getString("detail")).contains(symbolicName);
        }
        assertThat(dev.get("api/developer/listings/" + second + "/versions")
                        .parse()
                        .asJsonArray())
                .as("a refused upload records no version")
                .isEmpty();

        // the first-party tax plugin's symbolic name is reserved
        Api.Reply firstParty = dev.upload(
                "api/developer/listings/" + second + "/versions",
                echoAs(second, "io.caravan.plugins.tax", "9.0.0"),
                JAR);
        assertThat(firstParty.status()).as(firstParty.toString()).isEqualTo(409);
        assertThat(firstParty.json().getString("detail")).contains("reserved for the first-party plugins");

        // the owner's next version keeps the name
        Api.Reply next =
                dev.upload("api/developer/listings/" + first + "/versions", echoAs(first, symbolicName, "1.0.1"), JAR);
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
    }

    @Test
    void garbage_is_answered_409_and_writes_nothing_to_the_artifact_store() {
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String slug = "garbage-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(dev.post("api/developer/listings", listing(slug)).status()).isEqualTo(201);
        byte[] garbage = ("not a bundle " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        Api.Reply reply = dev.upload("api/developer/listings/" + slug + "/versions", garbage, JAR);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getJsonObject("report").getBoolean("passed")).isFalse();
        assertThat(dev.get("api/developer/listings/" + slug + "/versions")
                        .parse()
                        .asJsonArray())
                .isEmpty();
        Path artifactsDir = Path.of(System.getProperty("caravan.it.plugins-dir"), "artifacts");
        assertThat(artifactsDir)
                .as("the server's artifact store (first-party plugins are in it)")
                .isDirectory();
        String sha = sha256(garbage);
        try (Stream<Path> files = Files.walk(artifactsDir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
