package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Shops;
import io.caravan.platform.it.support.Shops.Shop;
import io.caravan.platform.it.support.Stores;
import io.caravan.platform.testing.Poll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plugin health on a real Liberty (issue #12, item 4): the first-party payments plugin's HEALTH
 * extension asks the REAL sandbox gateway whether the store's API key works. Checked after install
 * and after every change without anyone asking, shown on the installation, DOWN flagged with why
 * and written to the store's audit trail, and checked on demand by the owner only.
 */
@ExtendWith(ArquillianExtension.class)
class PluginHealthIT extends PlatformIT {
    /** The automatic check waits 30 s after a change, then a node polls every 2 s; the check has 2 s. */
    private static final Duration CHECKED_WITHIN = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(250);

    @Test
    void installed_plugins_are_checked_without_asking_and_a_refused_key_is_down_until_it_is_fixed() throws Exception {
        Shop shop = Shops.open(admin(), base, "health", null);

        // nobody asks: the platform checks 30 s after the last change (the configuration Shops.open set)
        JsonObject payments = awaitHealth(shop, "caravan-payments", "UP", null);
        assertThat(Duration.between(
                        Instant.parse(payments.getString("updatedAt")),
                        Instant.parse(payments.getJsonObject("health").getString("checkedAt"))))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        JsonObject health = payments.getJsonObject("health");
        Instant checked = Instant.parse(health.getString("checkedAt"));
        assertThat(health.getString("version")).isEqualTo(payments.getString("version"));
        // periodic: the next check is five minutes after this one (the default), not sooner
        assertThat(Duration.between(checked, Instant.parse(health.getString("nextCheckAt"))))
                .isEqualTo(Duration.ofMinutes(5));
        // first-party tax and shipping have no HEALTH extension: said so, never PENDING for ever
        assertThat(awaitHealth(shop, "caravan-tax", "NOT_REPORTED", null)
                        .getJsonObject("health")
                        .getString("detail"))
                .contains("no HEALTH extension");

        // a key of another provider's account: the gateway refuses it; the owner need not wait for the
        // automatic check (30 s after a change): checking now runs at once, the installation changed
        Map<String, Object> zenpay = Shops.gatewayAccount("zenpay", null);
        Shops.configure(
                admin(), shop.slug(), "caravan-payments", paymentsWithKey(shop, (String) zenpay.get("api_key")));
        JsonObject report = checkNow(shop, "caravan-payments");
        assertThat(report.getString("status")).as(report.toString()).isEqualTo("DOWN");
        assertThat(Instant.parse(report.getString("checkedAt"))).isAfter(checked);
        assertThat(report.getString("detail")).contains("refused the API key", "HTTP 401", "acquirer.apiKey");
        assertThat(report.getString("detail")).doesNotContain((String) zenpay.get("api_key"));
        assertThat(report.getString("downSince")).isEqualTo(report.getString("checkedAt"));
        // a DOWN plugin is looked at again sooner: a minute
        assertThat(Duration.between(
                        Instant.parse(report.getString("checkedAt")), Instant.parse(report.getString("nextCheckAt"))))
                .isEqualTo(Duration.ofMinutes(1));
        // the installation and the list show it, and the store's audit trail has it, from the platform itself
        assertThat(shop.owner()
                        .get(shop.path("plugins/caravan-payments"))
                        .json()
                        .getJsonObject("health")
                        .getString("status"))
                .isEqualTo("DOWN");
        assertThat(installation(shop.owner().get(shop.path("plugins")), "caravan-payments")
                        .getJsonObject("health")
                        .getString("status"))
                .isEqualTo("DOWN");
        JsonObject wentDown = auditEntry(shop, "plugin.health.down");
        assertThat(wentDown.getString("target")).isEqualTo("caravan-payments");
        assertThat(wentDown.getString("detail")).contains("refused the API key");
        assertThat(wentDown.toString()).contains("SYSTEM");

        // fixed: UP again, downSince gone, and the recovery audited
        Shops.configure(admin(), shop.slug(), "caravan-payments", paymentsWithKey(shop, (String)
                shop.account().get("api_key")));
        JsonObject up = checkNow(shop, "caravan-payments");
        assertThat(up.getString("status")).as(up.toString()).isEqualTo("UP");
        assertThat(up.containsKey("downSince") && !up.isNull("downSince"))
                .as(up.toString())
                .isFalse();
        assertThat(auditEntry(shop, "plugin.health.recovered").getString("target"))
                .isEqualTo("caravan-payments");
    }

    private static JsonObject checkNow(Shop shop, String plugin) {
        Api.Reply reply = shop.owner()
                .post(
                        shop.path("plugins/" + plugin + "/health"),
                        Json.createObjectBuilder().build());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void the_owner_checks_now_and_a_fresh_report_is_answered_without_calling_the_plugin_again() throws Exception {
        Shop shop = Shops.open(admin(), base, "health-now", null);
        // no report yet (the automatic check waits 30 s after the change): checking now runs it at once
        JsonObject first = checkNow(shop, "caravan-payments");
        assertThat(first.getString("status")).as(first.toString()).isEqualTo("UP");

        // within the minute and unchanged: the same report, the plugin is not called again
        Api.Reply again = shop.owner()
                .post(
                        shop.path("plugins/caravan-payments/health"),
                        Json.createObjectBuilder().build());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("checkedAt")).isEqualTo(first.getString("checkedAt"));

        // disabled installations are not checked: a clear 409
        Api.Reply disabled = shop.owner()
                .post(
                        shop.path("plugins/caravan-carriers/disable"),
                        Json.createObjectBuilder().build());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        Api.Reply refused = shop.owner()
                .post(
                        shop.path("plugins/caravan-carriers/health"),
                        Json.createObjectBuilder().build());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().getString("detail")).contains("disabled");

        // a plugin the store does not have: 404 naming it
        Api.Reply missing = shop.owner()
                .post(
                        shop.path("plugins/no-such-plugin/health"),
                        Json.createObjectBuilder().build());
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.json().getString("detail")).contains("no-such-plugin");

        // another store's owner can neither check nor read this store's health
        String other = Stores.uniqueSlug("health-other");
        Api stranger = Stores.onboardAndSignIn(admin(), other);
        assertThat(stranger.post(
                                shop.path("plugins/caravan-payments/health"),
                                Json.createObjectBuilder().build())
                        .status())
                .isEqualTo(403);
        assertThat(stranger.get(shop.path("plugins/caravan-payments")).status()).isEqualTo(403);
    }

    private JsonObject awaitHealth(Shop shop, String plugin, String status, Instant after) throws Exception {
        JsonObject view = Poll.until(
                () -> shop.owner().get(shop.path("plugins/" + plugin)).json(),
                v -> {
                    JsonObject h = v.getJsonObject("health");
                    return h != null
                            && status.equals(h.getString("status"))
                            && (after == null
                                    || (!h.isNull("checkedAt")
                                            && Instant.parse(h.getString("checkedAt"))
                                                    .isAfter(after)));
                },
                CHECKED_WITHIN,
                POLL);
        assertThat(view.getJsonObject("health").getString("status"))
                .as("%s health after %s: %s", plugin, after, view)
                .isEqualTo(status);
        return view;
    }

    private static JsonObject installation(Api.Reply list, String plugin) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<JsonObject> all = list.parse().asJsonArray().getValuesAs(JsonObject.class);
        return all.stream()
                .filter(i -> i.getString("pluginId").equals(plugin))
                .findFirst()
                .orElseThrow(() -> new AssertionError(plugin + " not in " + list));
    }

    private JsonObject auditEntry(Shop shop, String action) throws Exception {
        JsonObject trail = Poll.until(
                () -> shop.owner().get(shop.path("audit?size=100")).json(),
                t -> t.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(e -> e.getString("action").equals(action)),
                CHECKED_WITHIN,
                POLL);
        return trail.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + trail));
    }

    private static String paymentsWithKey(Shop shop, String apiKey) {
        Map<String, Object> account = new java.util.HashMap<>(shop.account());
        account.put("api_key", apiKey);
        return Shops.payments(shop.provider(), account, null);
    }
}
