package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.KeycloakServer;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Keycloak down: merchants signed in before keep working (mpJwt has the realm's signing keys),
 * onboarding answers 503, leaves nothing behind, and a retry succeeds.
 */
class OnboardingWithKeycloakDownIT extends PlatformIT {
    @Test
    void keycloakDownMeans503AndNothingHalfWritten() {
        KeycloakServer keycloak = KeycloakServer.get();
        // mpHealth answers at the server root, beside the application. The token is taken first: it stays valid for the
        // platform while Keycloak is down
        // (mpJwt has the signing keys already).
        Api admin = admin();
        assertThat(admin.get("api/me").status()).isEqualTo(200);
        String slug = Stores.uniqueSlug("kcdown");
        JsonObject request = Stores.onboardRequest(slug, Stores.ownerEmail(slug));
        String running = Stores.uniqueSlug("kcdown-open");
        Api merchant = Stores.onboardAndSignIn(admin, running);

        keycloak.stop();
        try {
            // a merchant signed in before the outage reads and changes its store as before
            assertThat(merchant.get("api/stores/" + running).status()).isEqualTo(200);
            assertThat(merchant.get("api/stores/" + running + "/plugins").status())
                    .isEqualTo(200);
            Api.Reply changed = merchant.put(
                    "api/stores/" + running + "/settings",
                    jakarta.json.Json.createObjectBuilder()
                            .add("name", "Open during the outage")
                            .add("defaultCurrency", "EUR")
                            .add(
                                    "sellingCountries",
                                    jakarta.json.Json.createArrayBuilder().add("PT"))
                            .add("priceDisplay", "INCLUDING_TAX")
                            .build());
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(merchant.get("api/stores/" + running).json().getString("name"))
                    .isEqualTo("Open during the outage");

            Api.Reply refused = admin.post("api/admin/stores", request);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().getString("type")).endsWith("/identity-unavailable");
            assertThat(refused.json().getString("detail")).contains("nothing was changed");
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("127.0.0.1");

            assertThat(admin.get("api/admin/stores/" + slug).status()).isEqualTo(404);
            assertThat(admin.get("api/admin/stores?q=" + slug)
                            .json()
                            .getJsonNumber("total")
                            .longValue())
                    .isZero();

            Api.Reply health = anonymous().get("../health/ready");
            assertThat(health.status()).isEqualTo(503);
            assertThat(check(health, "keycloak")).isEqualTo("DOWN");
            assertThat(check(health, "database")).isEqualTo("UP");
        } finally {
            keycloak.start();
        }
        assertThat(keycloak.organizationExists(slug))
                .as("no orphan organization")
                .isFalse();
        assertThat(keycloak.userExists(Stores.ownerEmail(slug)))
                .as("no orphan user")
                .isFalse();

        Api.Reply retried = admin.post("api/admin/stores", request);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(keycloak.organizationExists(slug)).isTrue();
        Api owner = admin.withToken(Stores.signIn(Stores.ownerEmail(slug)));
        assertThat(owner.get("api/stores/" + slug).status()).isEqualTo(200);
        // Overall readiness also waits for server.xml's own application, absent from the test server,
        // so the checks themselves are what this test reads.
        assertThat(check(anonymous().get("../health/ready"), "keycloak")).isEqualTo("UP");
    }

    private static String check(Api.Reply health, String name) {
        return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name))
                .findFirst()
                .map(c -> c.getString("status"))
                .orElse("MISSING");
    }
}
