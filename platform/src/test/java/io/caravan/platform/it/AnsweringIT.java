package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which installation answers a store's tax, on the running server with two real tax plugins
 * published through the marketplace: the first installed answers, a second does not take over, a
 * merchant's country rule routes CH to the second, disabling it leaves CH answered by nobody (409)
 * while DE keeps the first; another store's installation id and bad codes are refused naming the
 * field; staff read, API keys and staff cannot write.
 */
class AnsweringIT extends PlatformIT {
    /**
     * Lists and publishes a tax plugin and certifies its version, so its calls run in-process: this
     * suite is about who answers, and a sandbox worker's first start can overrun the tax deadline on
     * a busy build machine.
     */
    private static void listedCertified(Api dev, Api admin, String plugin) {
        Marketplace.create(dev, plugin, Marketplace.free());
        String version = Marketplace.publish(dev, admin, plugin, "1.0.0");
        Api.Reply certified =
                admin.post("api/admin/marketplace/versions/" + version + "/certify", JsonValue.EMPTY_JSON_OBJECT);
        assertThat(certified.status()).as(certified.toString()).isEqualTo(200);
    }

    private static Api.Reply quote(Api caller, String store, String country) {
        return caller.post("api/stores/" + store + "/tax/quote", Carts.mugs(country));
    }

    private static Api.Reply install(Api owner, String store, String plugin) {
        return owner.post(
                "api/stores/" + store + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", plugin)
                        .add("configuration", JsonValue.EMPTY_JSON_OBJECT)
                        .add("consent", Marketplace.consent())
                        .build());
    }

    private static JsonObject rules(JsonObject... rules) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObject rule : rules) {
            list.add(rule);
        }
        return Json.createObjectBuilder().add("rules", list).build();
    }

    private static JsonObject rule(String installationId, String... countries) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String country : countries) {
            list.add(country);
        }
        return Json.createObjectBuilder()
                .add("countries", list)
                .add("installationId", installationId)
                .build();
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    @Test
    void
            the_first_tax_plugin_answers_a_second_waits_for_the_merchant_and_a_disabled_one_leaves_its_countries_unanswered() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String hex = UUID.randomUUID().toString().substring(0, 8);
        String general = "ans-general-" + hex;
        String swiss = "ans-swiss-" + hex;
        listedCertified(dev, admin, general);
        listedCertified(dev, admin, swiss);
        String store = Stores.uniqueSlug("answer");
        Api owner = Stores.onboardAndSignIn(admin, store);

        // the first tax plugin answers, by default, and the quote names the installation
        Api.Reply first = install(owner, store, general);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String generalId = first.json().getString("id");
        assertThat(first.json().getJsonArray("answers").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("point"))
                .contains("TAX_CALCULATOR");
        Api.Reply de = quote(owner, store, "DE");
        assertThat(de.status()).as(de.toString()).isEqualTo(200);
        assertThat(de.json().getString("plugin")).isEqualTo(general);
        assertThat(de.json().getString("installationId")).isEqualTo(generalId);

        // a second does not take over, and its installation says so
        Api.Reply second = install(owner, store, swiss);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        String swissId = second.json().getString("id");
        assertThat(second.json().getJsonArray("answers").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("point"))
                .doesNotContain("TAX_CALCULATOR");
        JsonObject waiting = second.json().getJsonArray("notAnswering").getJsonObject(0);
        assertThat(waiting.getString("point")).isEqualTo("TAX_CALCULATOR");
        assertThat(waiting.getString("why")).contains(general).contains("/answering/TAX_CALCULATOR");
        assertThat(quote(owner, store, "DE").json().getString("installationId")).isEqualTo(generalId);

        // the merchant routes CH to the Swiss plugin
        Api.Reply routed = owner.put(
                "api/stores/" + store + "/answering/TAX_CALCULATOR", rules(rule(generalId), rule(swissId, "CH")));
        assertThat(routed.status()).as(routed.toString()).isEqualTo(200);
        assertThat(strings(routed.json(), "whoAnswers"))
                .containsExactly("CH: " + swiss, "every other call: " + general);
        Api.Reply ch = quote(owner, store, "CH");
        assertThat(ch.status()).as(ch.toString()).isEqualTo(200);
        assertThat(ch.json().getString("plugin")).isEqualTo(swiss);
        assertThat(ch.json().getString("installationId")).isEqualTo(swissId);
        assertThat(quote(owner, store, "DE").json().getString("plugin")).isEqualTo(general);
        JsonObject tax = owner
                .get("api/stores/" + store + "/answering")
                .json()
                .getJsonArray("points")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(p -> p.getString("point").equals("TAX_CALCULATOR"))
                .findFirst()
                .orElseThrow();
        assertThat(tax.getString("mode")).isEqualTo("SINGLE");
        assertThat(tax.getJsonArray("rules")).hasSize(2);
        assertThat(tax.getJsonArray("candidates")).hasSize(2);

        // disabling the Swiss plugin leaves CH answered by nobody, never silently the general one
        Api.Reply disabled = owner.post(
                "api/stores/" + store + "/plugins/" + swiss + "/disable",
                Json.createObjectBuilder().add("reason", "trying another").build());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(strings(disabled.json(), "leftUnanswered")).containsExactly("TAX_CALCULATOR for CH");
        Api.Reply unanswered = quote(owner, store, "CH");
        assertThat(unanswered.status()).as(unanswered.toString()).isEqualTo(409);
        assertThat(unanswered.isProblem()).isTrue();
        assertThat(unanswered.json().getString("detail"))
                .contains("the rule for CH answers nobody")
                .contains(swiss + " was disabled")
                .contains("PUT /api/stores/" + store + "/answering/TAX_CALCULATOR");
        assertThat(quote(owner, store, "DE").json().getString("plugin")).isEqualTo(general);

        // the audit trail has the before and after of the merchant's change and the vacated rule
        List<String> actions = owner
                .get("api/stores/" + store + "/audit?size=50")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(e -> e.getString("action"))
                .toList();
        assertThat(actions).contains("answering.default-set", "answering.rules-replaced", "answering.rules-vacated");
    }

    @Test
    void another_stores_installation_and_bad_codes_are_refused_naming_the_field_and_change_nothing() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String plugin = "ans-refused-" + UUID.randomUUID().toString().substring(0, 8);
        listedCertified(dev, admin, plugin);
        String mine = Stores.uniqueSlug("ans-mine");
        String theirs = Stores.uniqueSlug("ans-theirs");
        Api owner = Stores.onboardAndSignIn(admin, mine);
        Api other = Stores.onboardAndSignIn(admin, theirs);
        String myId = install(owner, mine, plugin).json().getString("id");
        String theirId = install(other, theirs, plugin).json().getString("id");
        String before = owner.get("api/stores/" + mine + "/answering").body();

        Api.Reply cross = owner.put("api/stores/" + mine + "/answering/TAX_CALCULATOR", rules(rule(theirId)));
        assertThat(cross.status()).as(cross.toString()).isEqualTo(422);
        JsonObject error = cross.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("rules[0].installationId");
        assertThat(error.getString("message")).isEqualTo("no installation '" + theirId + "' in this store");

        Api.Reply bad = owner.put(
                "api/stores/" + mine + "/answering/TAX_CALCULATOR",
                rules(rule(myId, "Switzerland"), rule(myId), rule(myId)));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .containsExactly("rules[0].countries[0]", "rules[2]");
        Api.Reply payments = owner.put(
                "api/stores/" + mine + "/answering/PAYMENT_AUTHORIZER",
                rules(Json.createObjectBuilder()
                        .add("currencies", Json.createArrayBuilder().add("XYZ"))
                        .add("methodCodes", Json.createArrayBuilder().add("PIX!"))
                        .add("minAmountMinor", 500)
                        .add("maxAmountMinor", 500)
                        .add("installationIds", Json.createArrayBuilder().add(myId))
                        .build()));
        assertThat(payments.status()).as(payments.toString()).isEqualTo(422);
        assertThat(payments.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .containsExactly(
                        "rules[0].currencies[0]",
                        "rules[0].methodCodes[0]",
                        "rules[0].maxAmountMinor",
                        "rules[0].installationIds[0]");
        assertThat(owner.get("api/stores/" + mine + "/answering").body()).isEqualTo(before);
        assertThat(quote(other, theirs, "DE").json().getString("installationId"))
                .isEqualTo(theirId);
    }

    @Test
    void staff_read_who_answers_but_only_the_owner_sets_it_and_api_keys_do_neither() {
        Api admin = admin();
        String store = Stores.uniqueSlug("ans-staff");
        Api owner = Stores.onboardAndSignIn(admin, store);
        String email = "clerk@" + store + ".test";
        assertThat(owner.post(
                                "api/stores/" + store + "/members",
                                Json.createObjectBuilder()
                                        .add("email", email)
                                        .add("firstName", "Cleo")
                                        .add("lastName", "Clerk")
                                        .build())
                        .status())
                .isEqualTo(201);
        Api staff = admin.withToken(Stores.signIn(email));
        Api.Reply key = owner.post(
                "api/stores/" + store + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "checkout")
                        .add(
                                "scopes",
                                Json.createArrayBuilder().add("tax:quote").add("storefront:read"))
                        .build());
        Api storefront = anonymous().withApiKey(key.json().getString("key"));

        assertThat(staff.get("api/stores/" + store + "/answering").status()).isEqualTo(200);
        Api.Reply refused = staff.put("api/stores/" + store + "/answering/TAX_CALCULATOR", rules());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(storefront.get("api/stores/" + store + "/answering").status())
                .isEqualTo(403);
        assertThat(storefront
                        .put("api/stores/" + store + "/answering/TAX_CALCULATOR", rules())
                        .status())
                .isEqualTo(403);
        assertThat(owner.put("api/stores/" + store + "/answering/TAX_CALCULATOR", rules())
                        .status())
                .isEqualTo(200);
        assertThat(owner.put("api/stores/" + store + "/answering/NO_SUCH_POINT", rules())
                        .status())
                .isEqualTo(404);
    }
}
