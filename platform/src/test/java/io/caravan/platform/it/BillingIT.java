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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pricing and billing on real servers: one-time at install (once), subscriptions after the trial
 * and monthly, usage counted by the invoker and charged per completed month, runs idempotent (also
 * two at once), the ledger per store, the developer's earnings net of the platform's 20 % (rounded
 * half-even per charge). The scheduled run is proven by ScheduledJobsIT (PostgreSQL).
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

    /** The store's charges for one plugin. */
    private static List<JsonObject> charges(Api owner, String store, String plugin) {
        return charges(owner, store).stream()
                .filter(c -> c.getString("pluginId").equals(plugin))
                .toList();
    }

    /** The developer's earnings line of one listing. */
    private static JsonObject earnings(Api dev, String plugin) {
        Api.Reply reply = dev.get("api/developer/earnings");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("slug").equals(plugin))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no earnings line for " + plugin + ": " + reply.body()));
    }

    private static void listSubscription(Api dev, Api admin, String plugin, long amountMinor, int trialDays) {
        Marketplace.listed(
                dev,
                admin,
                plugin,
                Json.createObjectBuilder()
                        .add("model", "SUBSCRIPTION")
                        .add("amountMinor", amountMinor)
                        .add("currency", "EUR")
                        .add("trialDays", trialDays));
    }

    /**
     * A 14-day trial: a billing run on day 13 charges nothing for it, while a 7-day-trial
     * subscription the same store installed at the same time is charged by that very run (the
     * control: the run did bill). Then monthly, never twice. The platform's 20 % fee is rounded
     * half-even per charge: 903 → 180.6 → 181 (a total-first rounding would give 361 on two charges,
     * not 362); 999 → 199.8 → 200.
     */
    @Test
    void a_subscription_is_charged_after_its_trial_then_monthly_and_never_twice() {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String plugin = slug("sub");
        String shortTrial = slug("sub7");
        listSubscription(dev, admin, plugin, 903, 14);
        listSubscription(dev, admin, shortTrial, 999, 7);
        String store = Stores.uniqueSlug("subs");
        Api owner = Stores.onboardAndSignIn(admin, store);
        Instant now = Instant.now();
        Marketplace.install(owner, store, plugin);
        Marketplace.install(owner, store, shortTrial);
        assertThat(charges(owner, store))
                .as("nothing at install when there is a trial")
                .isEmpty();

        run(admin, now.plus(13, ChronoUnit.DAYS));
        assertThat(charges(owner, store, plugin))
                .as("a billing run on day 13 of a 14-day trial")
                .isEmpty();
        assertThat(charges(owner, store, shortTrial))
                .as("control: the same run charges the subscription whose 7-day trial is over")
                .hasSize(1);

        run(admin, now.plus(15, ChronoUnit.DAYS));
        run(admin, now.plus(15, ChronoUnit.DAYS));
        List<JsonObject> first = charges(owner, store, plugin);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getString("kind")).isEqualTo("SUBSCRIPTION");
        assertThat(first.get(0).getJsonNumber("amountMinor").longValue()).isEqualTo(903);
        assertThat(first.get(0).getString("currency")).isEqualTo("EUR");
        assertThat(Instant.parse(first.get(0).getString("periodStart")))
                .as("the first month starts when the trial ends")
                .isBetween(
                        now.plus(14, ChronoUnit.DAYS).minusSeconds(1),
                        now.plus(14, ChronoUnit.DAYS).plusSeconds(60));

        run(
                admin,
                now.atZone(ZoneOffset.UTC)
                        .plusDays(14)
                        .plusMonths(1)
                        .plusDays(1)
                        .toInstant());
        assertThat(charges(owner, store, plugin)).hasSize(2);
        assertThat(charges(owner, store, shortTrial)).hasSize(2);
        assertThat(ledger(owner, store)
                        .getJsonObject("totalMinorByCurrency")
                        .getJsonNumber("EUR")
                        .longValue())
                .isEqualTo(2 * 903 + 2 * 999);

        JsonObject line = earnings(dev, plugin);
        assertThat(line.getJsonNumber("charges").longValue()).isEqualTo(2);
        assertThat(line.getJsonNumber("grossMinor").longValue()).isEqualTo(1806);
        assertThat(line.getJsonNumber("platformFeeMinor").longValue())
                .as("181 + 181: each charge's fee rounded on its own")
                .isEqualTo(362);
        assertThat(line.getJsonNumber("netMinor").longValue()).isEqualTo(1444);
        JsonObject control = earnings(dev, shortTrial);
        assertThat(control.getJsonNumber("platformFeeMinor").longValue()).isEqualTo(400);
        assertThat(control.getJsonNumber("netMinor").longValue()).isEqualTo(1598);
    }

    /**
     * Two billing runs at once (two admins' requests released together by a barrier, each billing
     * every store twelve months ahead) charge each month once: the store's ledger holds one charge
     * per period and the developer one earning per charge.
     */
    @Test
    void two_billing_runs_at_once_charge_each_period_once() throws Exception {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String plugin = slug("race");
        listSubscription(dev, admin, plugin, 500, 0);
        String store = Stores.uniqueSlug("race");
        Api owner = Stores.onboardAndSignIn(admin, store);
        Marketplace.install(owner, store, plugin);
        assertThat(charges(owner, store, plugin))
                .as("the first month, at install")
                .hasSize(1);

        Instant asOf =
                Instant.now().atZone(ZoneOffset.UTC).plusMonths(12).plusDays(1).toInstant();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Api.Reply>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return admin.post(
                            "api/admin/billing/run",
                            Json.createObjectBuilder()
                                    .add("asOf", asOf.toString())
                                    .build());
                }));
            }
            for (Future<Api.Reply> run : runs) {
                Api.Reply reply = run.get(300, TimeUnit.SECONDS);
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            }
        } finally {
            two.shutdownNow();
        }

        List<JsonObject> charged = charges(owner, store, plugin);
        assertThat(charged).extracting(c -> c.getString("periodStart")).doesNotHaveDuplicates();
        assertThat(charged)
                .as("the month at install and twelve more, each once")
                .hasSize(13);
        JsonObject line = earnings(dev, plugin);
        assertThat(line.getJsonNumber("charges").longValue()).isEqualTo(13);
        assertThat(line.getJsonNumber("grossMinor").longValue()).isEqualTo(13 * 500);
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
                        .add("amountMinor", 4901)
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
                .isEqualTo(4901);
        JsonObject line = earnings(dev, plugin);
        assertThat(line.getJsonNumber("platformFeeMinor").longValue())
                .as("20 % of 4901 is 980.2, rounded half-even to 980")
                .isEqualTo(980);
        assertThat(line.getJsonNumber("netMinor").longValue()).isEqualTo(3921);
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
