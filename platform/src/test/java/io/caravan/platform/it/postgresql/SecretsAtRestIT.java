package io.caravan.platform.it.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import io.caravan.platform.it.support.Sql;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A secret configuration field is stored sealed, never in the configuration column: the stored
 * value opens, with the platform's key, to exactly the secret and nothing else; it does not open
 * with another key, nor as another installation's value. The value is opened here with the JDK's
 * AES-GCM directly, following the format SecretBox documents ({@code v1:} then Base64 of the
 * 96-bit nonce, the ciphertext and the 128-bit tag; the associated data is
 * {@code plugin-installation:<store id>:<installation id>}), not with the product's own code: a
 * SecretBox that only encoded the value would fail here.
 */
class SecretsAtRestIT extends PlatformIT {
    private static final String SECRET = "sk_test_AtRest_7f3a9c";
    /** The key the failsafe configuration gives the server (platform/pom.xml, CARAVAN_SECRETS_KEY). */
    private static final byte[] TEST_KEY = Base64.getDecoder().decode("Y2FyYXZhbi1pbnRlZ3JhdGlvbi10ZXN0LWtleS0zMmI=");

    @Test
    void theDatabaseHoldsTheSecretSealedWithThePlatformKeyForThisInstallationOnly()
            throws SQLException, GeneralSecurityException {
        Api admin = admin();
        String slug = Stores.uniqueSlug("rest");
        Stores.onboardAndSignIn(admin, slug);
        Api.Reply installed = admin.post(
                "api/admin/stores/" + slug + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", "test-echo-tax")
                        .add("version", "1.0.0")
                        .add("configuration", Json.createObjectBuilder().add("apiKey", SECRET))
                        .build());
        assertThat(installed.status()).as(installed.toString()).isEqualTo(201);

        String storeId;
        String installationId;
        String configuration;
        String sealed;
        try (Connection app = PostgresDatabase.connectAsApplication()) {
            storeId = Sql.storeId(app, slug);
            app.setAutoCommit(false);
            Sql.bind(app, storeId);
            try (PreparedStatement s = app.prepareStatement(
                    "select id, configuration, secrets from plugin_installations where store_id = ?")) {
                s.setString(1, storeId);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    installationId = r.getString("id");
                    configuration = r.getString("configuration");
                    sealed = r.getString("secrets");
                    assertThat(r.next()).isFalse();
                }
            }
            app.rollback();
        }

        assertThat(configuration).doesNotContain(SECRET).doesNotContain("apiKey\":\"");
        assertThat(sealed).startsWith("v1:");
        String owner = "plugin-installation:" + storeId + ":" + installationId;
        String opened = open(sealed, TEST_KEY, owner);
        JsonObject secrets;
        try (var reader = Json.createReader(new StringReader(opened))) {
            secrets = reader.readObject();
        }
        assertThat(secrets)
                .as("the sealed document holds the secret field and nothing else")
                .hasSize(1);
        assertThat(secrets.getString("/apiKey")).isEqualTo(SECRET);

        byte[] otherKey = Arrays.copyOf(TEST_KEY, TEST_KEY.length);
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> open(sealed, otherKey, owner))
                .as("another key does not open it")
                .isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> open(sealed, TEST_KEY, "plugin-installation:" + storeId + ":another-installation"))
                .as("copied onto another installation, it does not open")
                .isInstanceOf(AEADBadTagException.class);
    }

    /** SecretBox's format, read with the JDK alone. */
    private static String open(String sealed, byte[] key, String owner) throws GeneralSecurityException {
        byte[] in = Base64.getDecoder().decode(sealed.substring("v1:".length()));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    }
}
