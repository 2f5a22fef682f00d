package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path on real servers: a platform admin onboards two stores, each owner signs in
 * through Keycloak and sees and changes only their own store.
 */
class NewcomerFlowIT extends PlatformIT {
    @Test
    void adminOnboardsTwoStoresAndEachOwnerSeesOnlyTheirOwn() {
        Api admin = admin();
        String slugA = Stores.uniqueSlug("alpha");
        String slugB = Stores.uniqueSlug("bravo");

        Api.Reply created = admin.post("api/admin/stores", Stores.onboardRequest(slugA, Stores.ownerEmail(slugA)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/admin/stores/" + slugA);
        assertThat(created.json().getString("status")).isEqualTo("ACTIVE");
        assertThat(created.json().getJsonArray("sellingCountries").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .containsExactly("DE", "FR", "PT");

        Api ownerA = admin.withToken(Stores.signIn(Stores.ownerEmail(slugA)));
        Api ownerB = Stores.onboardAndSignIn(admin, slugB);

        Api.Reply me = ownerA.get("api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getJsonArray("stores").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .containsExactly(slugA);

        assertThat(ownerA.get("api/stores/" + slugA).json().getString("slug")).isEqualTo(slugA);
        assertThat(ownerB.get("api/stores/" + slugB).json().getString("slug")).isEqualTo(slugB);

        Api.Reply crossRead = ownerA.get("api/stores/" + slugB);
        assertThat(crossRead.status()).isEqualTo(403);
        assertThat(crossRead.isProblem()).isTrue();
        assertThat(crossRead.body()).doesNotContain("Store " + slugB).doesNotContain(Stores.ownerEmail(slugB));

        JsonObject newSettings = Json.createObjectBuilder()
                .add("name", "Alpha Renamed")
                .add("defaultCurrency", "GBP")
                .add("sellingCountries", Json.createArrayBuilder().add("GB").add("IE"))
                .add("priceDisplay", "EXCLUDING_TAX")
                .build();
        assertThat(ownerA.put("api/stores/" + slugA + "/settings", newSettings).status())
                .isEqualTo(200);
        assertThat(ownerA.put("api/stores/" + slugB + "/settings", newSettings).status())
                .isEqualTo(403);

        JsonObject storeB = ownerB.get("api/stores/" + slugB).json();
        assertThat(storeB.getString("name")).isEqualTo("Store " + slugB);
        assertThat(storeB.getString("defaultCurrency")).isEqualTo("EUR");
        JsonObject storeA = ownerA.get("api/stores/" + slugA).json();
        assertThat(storeA.getString("name")).isEqualTo("Alpha Renamed");
        assertThat(storeA.getString("priceDisplay")).isEqualTo("EXCLUDING_TAX");

        // The owner reads their own audit trail; the admin reads any store's.
        List<String> actions = ownerA
                .get("api/stores/" + slugA + "/audit")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(e -> e.getString("action"))
                .toList();
        assertThat(actions).containsExactly("store.settings-updated", "store.onboarded");
        assertThat(admin.get("api/admin/stores/" + slugB + "/audit")
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .isEqualTo(1);
        assertThat(ownerA.get("api/stores/" + slugB + "/audit").status()).isEqualTo(403);
    }

    @Test
    void onboardingIsIdempotentAndRefusesATakenSlug() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("retry");
        JsonObject request = Stores.onboardRequest(slug, Stores.ownerEmail(slug));

        assertThat(admin.post("api/admin/stores", request).status()).isEqualTo(201);
        Api.Reply again = admin.post("api/admin/stores", request);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("slug")).isEqualTo(slug);
        assertThat(admin.get("api/admin/stores/" + slug + "/audit")
                        .json()
                        .getJsonNumber("total")
                        .longValue())
                .as("a retry writes nothing")
                .isEqualTo(1);

        Api.Reply taken = admin.post("api/admin/stores", Stores.onboardRequest(slug, "someone-else@example.test"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().getString("detail")).contains(slug).contains("already taken");
    }

    @Test
    void anExistingUserBecomesOwnerOfASecondStoreWithoutADuplicateAccount() {
        Api admin = admin();
        String first = Stores.uniqueSlug("first");
        String second = Stores.uniqueSlug("second");
        String email = Stores.ownerEmail(first);
        assertThat(admin.post("api/admin/stores", Stores.onboardRequest(first, email))
                        .status())
                .isEqualTo(201);
        assertThat(admin.post("api/admin/stores", Stores.onboardRequest(second, email))
                        .status())
                .isEqualTo(201);

        Api owner = admin.withToken(Stores.signIn(email));
        assertThat(owner.get("api/me").json().getJsonArray("stores").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .containsExactlyInAnyOrder(first, second);
        assertThat(owner.get("api/stores/" + first).status()).isEqualTo(200);
        assertThat(owner.get("api/stores/" + second).status()).isEqualTo(200);
    }

    @Test
    void twoStoresMayShareADisplayName() {
        Api admin = admin();
        for (String slug : List.of(Stores.uniqueSlug("tea"), Stores.uniqueSlug("tea"))) {
            Api.Reply created = admin.post(
                    "api/admin/stores",
                    Json.createObjectBuilder(Stores.onboardRequest(slug, Stores.ownerEmail(slug)))
                            .add("name", "Tea House")
                            .build());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().getString("name")).isEqualTo("Tea House");
        }
    }

    @Test
    void invalidOnboardingIsRefusedFieldByFieldAndCreatesNothing() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("bad");
        JsonObject invalid = Json.createObjectBuilder(Stores.onboardRequest(slug, "not-an-email"))
                .add("defaultCurrency", "eur")
                .add("sellingCountries", Json.createArrayBuilder())
                .build();
        Api.Reply refused = admin.post("api/admin/stores", invalid);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .contains("owner.email", "defaultCurrency", "sellingCountries");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at io.caravan");

        Api.Reply unknownCountry = admin.post(
                "api/admin/stores",
                Json.createObjectBuilder(Stores.onboardRequest(slug, Stores.ownerEmail(slug)))
                        .add("sellingCountries", Json.createArrayBuilder().add("XX"))
                        .build());
        assertThat(unknownCountry.status()).isEqualTo(400);
        assertThat(unknownCountry.json().getString("detail")).contains("'XX' is not an ISO 3166-1 alpha-2");

        Api.Reply notJson = admin.send("POST", "api/admin/stores", "{\"slug\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.isProblem()).isTrue();

        Api.Reply unknownEnum = admin.post(
                "api/admin/stores",
                Json.createObjectBuilder(Stores.onboardRequest(slug, Stores.ownerEmail(slug)))
                        .add("priceDisplay", "SOMETIMES")
                        .build());
        assertThat(unknownEnum.status()).isEqualTo(400);

        assertThat(admin.get("api/admin/stores/" + slug).status()).isEqualTo(404);
    }

    @Test
    void adminListsStoresWithPagingAndFilters() {
        Api admin = admin();
        String marker = "list" + Stores.uniqueSlug("x").substring(2, 8);
        for (int i = 0; i < 3; i++) {
            String slug = marker + "-" + i;
            assertThat(admin.post("api/admin/stores", Stores.onboardRequest(slug, Stores.ownerEmail(slug)))
                            .status())
                    .isEqualTo(201);
        }
        assertThat(admin.post(
                                "api/admin/stores/" + marker + "-1/suspend",
                                Json.createObjectBuilder()
                                        .add("reason", "chargeback rate")
                                        .build())
                        .status())
                .isEqualTo(200);

        JsonObject page0 =
                admin.get("api/admin/stores?q=" + marker + "&size=2&page=0").json();
        assertThat(page0.getJsonNumber("total").longValue()).isEqualTo(3);
        assertThat(page0.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("slug"))
                .containsExactly(marker + "-0", marker + "-1");
        JsonObject page1 =
                admin.get("api/admin/stores?q=" + marker + "&size=2&page=1").json();
        assertThat(page1.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("slug"))
                .containsExactly(marker + "-2");
        JsonObject suspended =
                admin.get("api/admin/stores?q=" + marker + "&status=SUSPENDED").json();
        assertThat(suspended.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("slug"))
                .containsExactly(marker + "-1");

        assertThat(admin.get("api/admin/stores?size=0").status()).isEqualTo(400);
        assertThat(admin.get("api/admin/stores?status=MAYBE").status()).isIn(400, 404);
    }

    @Test
    void suspensionRefusesMerchantsUntilReactivated() {
        Api admin = admin();
        String slug = Stores.uniqueSlug("susp");
        Api owner = Stores.onboardAndSignIn(admin, slug);
        assertThat(owner.get("api/stores/" + slug).status()).isEqualTo(200);

        assertThat(admin.post(
                                "api/admin/stores/" + slug + "/suspend",
                                Json.createObjectBuilder()
                                        .add("reason", "unpaid invoices")
                                        .build())
                        .json()
                        .getString("status"))
                .isEqualTo("SUSPENDED");
        Api.Reply refused = owner.get("api/stores/" + slug);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("type")).endsWith("/store-suspended");
        assertThat(refused.json().getString("detail")).contains("unpaid invoices");
        assertThat(admin.post(
                                "api/admin/stores/" + slug + "/suspend",
                                Json.createObjectBuilder()
                                        .add("reason", "again")
                                        .build())
                        .status())
                .isEqualTo(409);

        assertThat(admin.post("api/admin/stores/" + slug + "/reactivate", null).status())
                .isEqualTo(200);
        assertThat(owner.get("api/stores/" + slug).status()).isEqualTo(200);
        List<String> actions = admin
                .get("api/admin/stores/" + slug + "/audit")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(e -> e.getString("action"))
                .toList();
        assertThat(actions).containsExactly("store.reactivated", "store.suspended", "store.onboarded");
    }

    @Test
    void openApiHealthAndUnknownRoutesAnswerAsDocumented() {
        Api anonymous = anonymous();
        Api.Reply openApi = anonymous.get("../openapi");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body())
                .contains("/api/admin/stores")
                .contains("/api/stores/{store}/api-keys")
                .contains("X-Caravan-Api-Key");
        assertThat(anonymous.get("../openapi/ui/").status()).isEqualTo(200);
        Api.Reply live = anonymous.get("../health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().getString("status")).isEqualTo("UP");

        Api admin = anonymous.withToken(Stores.demoToken("ada"));
        Api.Reply unknown = admin.get("api/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        Api.Reply wrongMethod = admin.send("PATCH", "api/admin/stores", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.isProblem()).isTrue();
        Api.Reply anonymousAdmin = anonymous.get("api/admin/stores");
        assertThat(anonymousAdmin.status()).isEqualTo(401);
        assertThat(anonymousAdmin.json().getString("type")).endsWith("/unauthenticated");
        Api.Reply merchantAsAdmin = anonymous.withToken(Stores.demoToken("dev")).get("api/admin/stores");
        assertThat(merchantAsAdmin.status()).isEqualTo(403);
        assertThat(merchantAsAdmin.json().getString("detail")).contains("platform admins");
    }
}
