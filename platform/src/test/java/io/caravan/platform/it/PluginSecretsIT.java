package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Secret configuration fields are write-only: the plugin gets the value, no response, audit entry
 * or log line ever shows it, and a configuration change that omits it keeps it.
 */
class PluginSecretsIT extends PlatformIT {
    private static final String ECHO = "test-echo-tax";
    private static final String SECRET = "sk_test_CaravanSecret_123";

    @Test
    void a_secret_reaches_the_plugin_and_nothing_else() throws IOException {
        Api admin = admin();
        String slug = Stores.uniqueSlug("sec");
        Api owner = Stores.onboardAndSignIn(admin, slug);

        Api.Reply installed = admin.post(
                "api/admin/stores/" + slug + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", ECHO)
                        .add("version", "1.0.0")
                        .add(
                                "configuration",
                                Json.createObjectBuilder().add("label", "L").add("apiKey", SECRET))
                        .build());
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        assertThat(installed.body()).doesNotContain(SECRET);
        assertThat(installed.json().getJsonObject("configuration").getString("label"))
                .isEqualTo("L");
        assertThat(installed.json().getJsonObject("configuration").containsKey("apiKey"))
                .isFalse();
        // the merchant can tell the key is set, never read it
        assertThat(installed.json().getJsonArray("secretsSet").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .containsExactly("/apiKey");

        Api.Reply quote = owner.post("api/stores/" + slug + "/tax/quote", Carts.mugs("FR"));
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.json().getJsonArray("lineTaxes").getJsonObject(0).getString("explanation"))
                .contains("key length " + SECRET.length());

        Api.Reply reconfigured = admin.put(
                "api/admin/stores/" + slug + "/plugins/" + ECHO + "/configuration",
                Json.createObjectBuilder()
                        .add("configuration", Json.createObjectBuilder().add("label", "M"))
                        .build());
        assertThat(reconfigured.status()).isEqualTo(200);
        assertThat(reconfigured.json().getJsonArray("secretsSet"))
                .as("an omitted secret is kept")
                .hasSize(1);
        assertThat(owner.post("api/stores/" + slug + "/tax/quote", Carts.mugs("FR"))
                        .json()
                        .getJsonArray("lineTaxes")
                        .getJsonObject(0)
                        .getString("explanation"))
                .as("an omitted secret is kept")
                .contains("M key length 25");

        Api.Reply tooShort = admin.put(
                "api/admin/stores/" + slug + "/plugins/" + ECHO + "/configuration",
                Json.createObjectBuilder()
                        .add("configuration", Json.createObjectBuilder().add("apiKey", "sk_x"))
                        .build());
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).doesNotContain("sk_x");

        for (String path : new String[] {
            "api/stores/" + slug + "/plugins",
            "api/stores/" + slug + "/plugins/" + ECHO,
            "api/stores/" + slug + "/audit",
            "api/admin/stores/" + slug + "/plugins"
        }) {
            Api who = path.startsWith("api/admin") ? admin : owner;
            Api.Reply reply = who.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body()).as(path).doesNotContain(SECRET);
        }

        Path logs = Path.of(System.getProperty("caravan.it.liberty.home"), "usr", "servers", "caravan-it", "logs");
        try (var files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString())
                        .doesNotContain(SECRET);
            }
        }
    }
}
