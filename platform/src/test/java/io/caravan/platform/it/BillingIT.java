package io.caravan.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pricing and billing on real servers: one-time at install (once), subscriptions after the trial
 * and monthly, usage counted by the invoker and charged per completed month, runs idempotent, the
 * ledger per store, the developer's earnings net of the platform's 20 %.
 */
class BillingIT extends PlatformIT {
    private static JsonObject ledger(Api owner, String store) {
        Api.Reply reply = owner.get("api/stores/" + store + "/charges");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<JsonObject> charges(Api owner, String store) {
        return ledger(owner, store).getJsonArray("charges").getValuesAs(JsonObject.class);
    }

    private static JsonObject run(Api admin, Instant asOf) {
        Api.Reply reply = admin.post(
                "api/admin/billing/run",
                Json.createObjectBuilder().add("asOf", asOf.toString()).build());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_subscription_is_charged_after_its_trial_then_monthly_and_never_twice() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String plugin = slug("sub");
        Marketplace.listed(
                dev,
                admin,
                plugin,
                Json.createObjectBuilder()
                        .add("model", "SUBSCRIPTION")
                        .add("amountMinor", 900)
                        .add("currency", "EUR")
                        .add("trialDays", 14));
        String store = Stores.uniqueSlug("subs");
        Api owner = Stores.onboardAndSignIn(admin, store);
        Marketplace.install(owner, store, plugin);
        assertThat(charges(owner, store)).as("nothing during the trial").isEmpty();

        Instant now = Instant.now();
        run(admin, now.plus(15, ChronoUnit.DAYS));
        run(admin, now.plus(15, ChronoUnit.DAYS));
        List<JsonObject> first = charges(owner, store);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getString("kind")).isEqualTo("SUBSCRIPTION");
        assertThat(first.get(0).getJsonNumber("amountMinor").longValue()).isEqualTo(900);
        assertThat(first.get(0).getString("currency")).isEqualTo("EUR");

        run(
                admin,
                now.atZone(ZoneOffset.UTC)
                        .plusDays(14)
                        .plusMonths(1)
                        .plusDays(1)
                        .toInstant());
        assertThat(charges(owner, store)).hasSize(2);
        assertThat(ledger(owner, store)
                        .getJsonObject("totalMinorByCurrency")
                        .getJsonNumber("EUR")
                        .longValue())
                .isEqualTo(1800);

        JsonObject earnings = dev.get("api/developer/earnings").json();
        JsonObject line = earnings.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("slug").equals(plugin))
                .findFirst()
                .orElseThrow();
        assertThat(line.getJsonNumber("grossMinor").longValue()).isEqualTo(1800);
        assertThat(line.getJsonNumber("platformFeeMinor").longValue()).isEqualTo(360);
        assertThat(line.getJsonNumber("netMinor").longValue()).isEqualTo(1440);
    }

    @Test
    void a_one_time_price_is_charged_at_the_first_install_only() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String plugin = slug("once");
        Marketplace.listed(
                dev,
                admin,
                plugin,
                Json.createObjectBuilder()
                        .add("model", "ONE_TIME")
                        .add("amountMinor", 4900)
                        .add("currency", "EUR"));
        String store = Stores.uniqueSlug("once");
        Api owner = Stores.onboardAndSignIn(admin, store);
        Marketplace.install(owner, store, plugin);
        assertThat(charges(owner, store)).extracting(c -> c.getString("kind")).containsExactly("ONE_TIME");

        assertThat(owner.delete("api/stores/" + store + "/plugins/" + plugin).status())
                .isEqualTo(204);
        Marketplace.install(owner, store, plugin);
        run(admin, Instant.now());
        assertThat(charges(owner, store)).hasSize(1);
        assertThat(charges(owner, store).get(0).getJsonNumber("amountMinor").longValue())
                .isEqualTo(4900);
    }

    @Test
    void usage_is_what_the_invoker_counted_charged_per_completed_month_and_per_store() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String plugin = slug("usage");
        Marketplace.listed(
                dev,
                admin,
                plugin,
                Json.createObjectBuilder()
                        .add("model", "USAGE")
                        .add("amountMinor", 2)
                        .add("currency", "EUR"));
        String a = Stores.uniqueSlug("usea");
        String b = Stores.uniqueSlug("useb");
        Api ownerA = Stores.onboardAndSignIn(admin, a);
        Api ownerB = Stores.onboardAndSignIn(admin, b);
        Marketplace.install(ownerA, a, plugin);
        Marketplace.install(ownerB, b, plugin);
        for (int i = 0; i < 3; i++) {
            assertThat(ownerA.post("api/stores/" + a + "/tax/quote", Carts.mugs("FR"))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(ownerB.post("api/stores/" + b + "/tax/quote", Carts.mugs("FR"))
                        .status())
                .isEqualTo(200);

        run(admin, Instant.now());
        assertThat(charges(ownerA, a)).as("the current month is not complete").isEmpty();

        Instant nextMonth = Instant.now()
                .atZone(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .plusMonths(1)
                .plusDays(1)
                .toInstant();
        run(admin, nextMonth);
        List<JsonObject> chargesA = charges(ownerA, a);
        assertThat(chargesA).hasSize(1);
        assertThat(chargesA.get(0).getString("kind")).isEqualTo("USAGE");
        assertThat(chargesA.get(0).getJsonNumber("quantity").longValue()).isEqualTo(3);
        assertThat(chargesA.get(0).getJsonNumber("amountMinor").longValue()).isEqualTo(6);
        assertThat(charges(ownerB, b).get(0).getJsonNumber("quantity").longValue())
                .isEqualTo(1);

        assertThat(ownerA.get("api/stores/" + b + "/charges").status()).isEqualTo(403);
    }
}
