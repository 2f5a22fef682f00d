package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Store API keys and staff: shown once, stored hashed, scoped, revocable; staff invited by owners. */
class StoreCredentialsIT extends PlatformIT {
    @Test
    void apiKeyIsShownOnceWorksWithinItsScopeAndStopsWhenRevoked() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("keys");
        Api owner = Stores.onboardAndSignIn(admin, slug);

        Api.Reply created = owner.post(
                "api/stores/" + slug + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "Storefront (Lisbon)")
                        .add("scopes", Json.createArrayBuilder().add("storefront:read"))
                        .build());
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().getString("key");
        String keyId = created.json().getString("id");
        assertThat(key).startsWith("cvk_").hasSize(47);
        assertThat(created.json().getString("prefix")).isEqualTo(key.substring(0, 10));

        JsonObject listed = owner.get("api/stores/" + slug + "/api-keys")
                .parse()
                .asJsonArray()
                .getJsonObject(0);
        assertThat(listed.getString("id")).isEqualTo(keyId);
        assertThat(listed.containsKey("key")).isFalse();
        assertThat(listed.containsKey("lastUsedAt")).isFalse();
        String listing = owner.get("api/stores/" + slug + "/api-keys").body();
        assertThat(listing).doesNotContain(key).doesNotContain(key.substring(10));

        Api storefront = anonymous().withApiKey(key);
        Api.Reply settings = storefront.get("api/stores/" + slug + "/storefront");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().getString("defaultCurrency")).isEqualTo("EUR");
        assertThat(settings.body()).doesNotContain("owner");
        assertThat(storefront.get("api/stores/" + slug).status()).isEqualTo(403);
        assertThat(storefront.get("api/me").status()).isEqualTo(403);

        JsonObject used = owner.get("api/stores/" + slug + "/api-keys")
                .parse()
                .asJsonArray()
                .getJsonObject(0);
        assertThat(used.getString("lastUsedAt")).isNotBlank();

        Api.Reply revoked = owner.delete("api/stores/" + slug + "/api-keys/" + keyId);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().getString("revokedAt")).isNotBlank();
        Api.Reply refused = storefront.get("api/stores/" + slug + "/storefront");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("detail")).contains("revoked");

        List<String> actions = owner
                .get("api/stores/" + slug + "/audit")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(e -> e.getString("action"))
                .toList();
        assertThat(actions).containsExactly("api-key.revoked", "api-key.created", "store.onboarded");
        assertThat(owner.get("api/stores/" + slug + "/audit").body()).doesNotContain(key);
    }

    @Test
    void unknownScopeIsRefusedByName() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("scope");
        Api owner = Stores.onboardAndSignIn(admin, slug);
        Api.Reply refused = owner.post(
                "api/stores/" + slug + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "x")
                        .add("scopes", Json.createArrayBuilder().add("orders:delete"))
                        .build());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("detail")).contains("orders:delete");
        assertThat(owner.get("api/stores/" + slug + "/api-keys").parse().asJsonArray())
                .isEmpty();
    }

    @Test
    void ownerInvitesStaffWhoReadsButCannotManage() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("staff");
        Api owner = Stores.onboardAndSignIn(admin, slug);
        String email = "clerk@" + slug + ".test";
        JsonObject invite = Json.createObjectBuilder()
                .add("email", email)
                .add("firstName", "Cleo")
                .add("lastName", "Clerk")
                .build();

        Api.Reply invited = owner.post("api/stores/" + slug + "/members", invite);
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().getString("role")).isEqualTo("STAFF");
        assertThat(owner.post("api/stores/" + slug + "/members", invite).json().getString("id"))
                .as("inviting again is harmless")
                .isEqualTo(invited.json().getString("id"));

        Api staff = admin.withToken(Stores.signIn(email));
        assertThat(staff.get("api/stores/" + slug).status()).isEqualTo(200);
        assertThat(staff.get("api/stores/" + slug + "/members").parse().asJsonArray())
                .hasSize(2);
        Api.Reply refused = staff.post(
                "api/stores/" + slug + "/members",
                Json.createObjectBuilder(invite)
                        .add("email", "friend@" + slug + ".test")
                        .build());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("detail")).contains("owner role");

        String ownerMembership =
                owner
                        .get("api/stores/" + slug + "/members")
                        .parse()
                        .asJsonArray()
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .filter(m -> m.getString("role").equals("OWNER"))
                        .findFirst()
                        .orElseThrow()
                        .getString("id");
        assertThat(owner.delete("api/stores/" + slug + "/members/" + ownerMembership)
                        .status())
                .isEqualTo(409);

        assertThat(owner.delete("api/stores/" + slug + "/members/"
                                + invited.json().getString("id"))
                        .status())
                .isEqualTo(204);
        Api staffAgain = admin.withToken(Stores.signIn(email));
        assertThat(staffAgain.get("api/stores/" + slug).status())
                .as("removed from the organization")
                .isEqualTo(403);
    }
}
