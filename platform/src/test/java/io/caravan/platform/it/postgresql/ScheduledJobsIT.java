package io.caravan.platform.it.postgresql;

import static io.caravan.platform.it.support.Sql.bind;
import static io.caravan.platform.it.support.Sql.countFor;
import static io.caravan.platform.it.support.Sql.storeId;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The platform's two scheduled jobs, left to fire on their own: the billing run and the purge of
 * plugin data whose retention ended. The PostgreSQL suite runs both every 10 s
 * ({@code CARAVAN_BILLING_RUN_EVERY}, {@code CARAVAN_MARKETPLACE_DATA_PURGE_EVERY} in
 * platform/pom.xml; an hour in production); nothing here calls them. Time passes by ageing rows
 * with SQL as the application role bound to the store, so these tests live in the PostgreSQL
 * suite. Each waits on the job's effect with a deadline, and each has a control in the same store,
 * decided in the same transaction of the job, that must be left alone.
 */
class ScheduledJobsIT extends PlatformIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void the_scheduled_billing_run_charges_a_subscription_whose_trial_ended_and_nothing_else() throws Exception {
        Api admin = admin();
        Api dev = anonymous().withToken(Stores.demoToken("dev"));
        String aged = "job-" + UUID.randomUUID().toString().substring(0, 8);
        String fresh = "job-" + UUID.randomUUID().toString().substring(0, 8);
        for (String plugin : List.of(aged, fresh)) {
            Marketplace.listed(
                    dev,
                    admin,
                    plugin,
                    Json.createObjectBuilder()
                            .add("model", "SUBSCRIPTION")
                            .add("amountMinor", 700)
                            .add("currency", "EUR")
                            .add("trialDays", 14));
        }
        String store = Stores.uniqueSlug("jobs");
        Api owner = Stores.onboardAndSignIn(admin, store);
        Marketplace.install(owner, store, aged);
        Marketplace.install(owner, store, fresh);
        assertThat(charges(owner, store)).isEmpty();

        Instant installedAt;
        try (Connection app = PostgresDatabase.connectAsApplication()) {
            String id = storeId(app, store);
            app.setAutoCommit(false);
            bind(app, id);
            try (PreparedStatement age = app.prepareStatement("update plugin_installations"
                    + " set installed_at = installed_at - interval '20 days' where plugin_id = ?"
                    + " returning installed_at")) {
                age.setString(1, aged);
                try (ResultSet row = age.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    installedAt = row.getTimestamp(1).toInstant();
                }
            }
            app.commit();
        }

        List<JsonObject> charged =
                await("the scheduled billing run charges the subscription installed 20 days ago", () -> {
                    List<JsonObject> now = charges(owner, store);
                    return now.isEmpty() ? null : now;
                });
        assertThat(charged)
                .as("one charge, for the subscription whose trial ended; the one in its trial is not charged")
                .hasSize(1);
        JsonObject charge = charged.get(0);
        assertThat(charge.getString("pluginId")).isEqualTo(aged);
        assertThat(charge.getString("kind")).isEqualTo("SUBSCRIPTION");
        assertThat(charge.getJsonNumber("amountMinor").longValue()).isEqualTo(700);
        assertThat(Instant.parse(charge.getString("periodStart")))
                .as("the month that began when the 14-day trial ended")
                .isEqualTo(installedAt.plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void the_purge_job_deletes_data_past_its_retention_and_keeps_data_within_it() throws Exception {
        Api admin = admin();
        String store = Stores.uniqueSlug("purge");
        Api owner = Stores.onboardAndSignIn(admin, store);
        String expired = "test-echo-tax";
        String retained = "test-misbehaving";
        for (String plugin : List.of(expired, retained)) {
            Api.Reply installed = admin.post(
                    "api/admin/stores/" + store + "/plugins",
                    Json.createObjectBuilder()
                            .add("pluginId", plugin)
                            .add("configuration", Json.createObjectBuilder())
                            .build());
            assertThat(installed.status()).as(installed.toString()).isEqualTo(201);
        }
        String id;
        try (Connection app = PostgresDatabase.connectAsApplication()) {
            id = storeId(app, store);
            app.setAutoCommit(false);
            bind(app, id);
            for (String plugin : List.of(expired, retained)) {
                for (String key : List.of("a", "b")) {
                    try (PreparedStatement put = app.prepareStatement("insert into plugin_storage (id, store_id,"
                            + " plugin_id, entry_key, entry_value, size_bytes, version, updated_at)"
                            + " values (?, ?, ?, ?, ?, 1, 1, now())")) {
                        put.setString(1, UUID.randomUUID().toString());
                        put.setString(2, id);
                        put.setString(3, plugin);
                        put.setString(4, key);
                        put.setBytes(5, new byte[] {42});
                        assertThat(put.executeUpdate()).isEqualTo(1);
                    }
                }
            }
            app.commit();
        }
        for (String plugin : List.of(expired, retained)) {
            assertThat(admin.delete("api/admin/stores/" + store + "/plugins/" + plugin)
                            .status())
                    .isEqualTo(204);
        }
        assertThat(stored(id, expired)).as("an uninstall keeps the data").isEqualTo(2);

        try (Connection app = PostgresDatabase.connectAsApplication()) {
            app.setAutoCommit(false);
            bind(app, id);
            try (PreparedStatement end =
                    app.prepareStatement("update plugin_data_retention set purge_after = ? where plugin_id = ?")) {
                end.setTimestamp(1, Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
                end.setString(2, expired);
                assertThat(end.executeUpdate()).isEqualTo(1);
            }
            app.commit();
        }

        await("the purge job deletes the data whose retention ended", () -> stored(id, expired) == 0 ? true : null);
        assertThat(stored(id, retained))
                .as("control: data within its retention, purged by the same job run, is kept")
                .isEqualTo(2);
        assertThat(retention(id, expired))
                .as("the purged data's retention record is gone")
                .isZero();
        assertThat(retention(id, retained)).isEqualTo(1);
        List<JsonObject> purges = owner.get("api/stores/" + store + "/audit").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(e -> e.getString("action").equals("plugin.data-purged"))
                .toList();
        assertThat(purges).hasSize(1);
        assertThat(purges.get(0).getString("target")).isEqualTo(expired);
        assertThat(purges.get(0).getString("detail")).isEqualTo("2 stored entries deleted after the retention period");
    }

    private static List<JsonObject> charges(Api owner, String store) {
        Api.Reply reply = owner.get("api/stores/" + store + "/charges");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("charges").getValuesAs(JsonObject.class);
    }

    private static long stored(String storeId, String plugin) throws SQLException {
        return count(storeId, "select count(*) from plugin_storage where plugin_id = ?", plugin);
    }

    private static long retention(String storeId, String plugin) throws SQLException {
        return count(storeId, "select count(*) from plugin_data_retention where plugin_id = ?", plugin);
    }

    private static long count(String storeId, String sql, String plugin) throws SQLException {
        try (Connection app = PostgresDatabase.connectAsApplication()) {
            app.setAutoCommit(false);
            bind(app, storeId);
            long n = countFor(app, sql, plugin);
            app.rollback();
            return n;
        }
    }

    /** Polls {@code condition} until it returns non-null, failing at the deadline. */
    private static <T> T await(String what, Callable<T> condition) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            T value = condition.call();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }
}
