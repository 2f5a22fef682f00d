package io.caravan.platform.it.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A secret configuration field is stored sealed (AES-GCM), never in the configuration column. */
class SecretsAtRestIT extends PlatformIT {
    private static final String SECRET = "sk_test_AtRest_7f3a9c";

    @Test
    void theDatabaseHoldsOnlyTheSealedValue() throws SQLException {
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
        assertThat(installed.status()).isEqualTo(201);

        try (Connection app = PostgresDatabase.connectAsApplication()) {
            app.setAutoCommit(false);
            String storeId;
            try (PreparedStatement s = app.prepareStatement("select id from stores where slug = ?")) {
                s.setString(1, slug);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    storeId = r.getString(1);
                }
            }
            try (PreparedStatement s = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                s.setString(1, storeId);
                s.execute();
            }
            try (PreparedStatement s = app.prepareStatement(
                    "select configuration, secrets from plugin_installations where store_id = ?")) {
                s.setString(1, storeId);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getString("configuration"))
                            .doesNotContain(SECRET)
                            .doesNotContain("apiKey\":\"");
                    assertThat(r.getString("secrets")).startsWith("v1:").doesNotContain(SECRET);
                }
            }
            app.rollback();
        }
    }
}
