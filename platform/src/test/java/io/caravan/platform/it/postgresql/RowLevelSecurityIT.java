package io.caravan.platform.it.postgresql;

import static io.caravan.platform.it.support.Sql.bind;
import static io.caravan.platform.it.support.Sql.count;
import static io.caravan.platform.it.support.Sql.countFor;
import static io.caravan.platform.it.support.Sql.queryString;
import static io.caravan.platform.it.support.Sql.storeId;
import static io.caravan.platform.it.support.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.platform.it.support.Api;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The second wall on rows the application itself wrote through its API: SQL that goes around
 * EclipseLink entirely, run as the application's database role, sees and changes nothing of a
 * store other than the one bound to the transaction, and nothing of the store-owned tables
 * checked here when none is bound. StoreOwnedTablesIT proves the same for every table with a
 * {@code store_id}, found in the catalog.
 *
 * <p>{@code stores} is the exception, on purpose: it is the tenant directory, read before any
 * store is bound (to resolve the store a request names, the platform admin's store list, the
 * billing and purge jobs iterating stores), so it has no RLS and every role reads it unbound
 * (this test does, to find the stores' ids). What protects it is asserted below: the application
 * role may not delete or truncate it, the row a request acts on is chosen by the request gate
 * (membership and role) before any row the store owns is read, and it holds the store's
 * directory entry only; everything the store owns lives in the tables with a {@code store_id}.
 */
class RowLevelSecurityIT extends PlatformIT {
    @Test
    void rawSqlWithTheWrongStoreBoundSeesAndChangesNothing() throws SQLException {
        Api admin = admin();
        String slugA = Stores.uniqueSlug("rls-a");
        String slugB = Stores.uniqueSlug("rls-b");
        Api ownerA = Stores.onboardAndSignIn(admin, slugA);
        Stores.onboardAndSignIn(admin, slugB);
        assertThat(ownerA.post(
                                "api/stores/" + slugA + "/api-keys",
                                Json.createObjectBuilder()
                                        .add("name", "k")
                                        .add("scopes", Json.createArrayBuilder().add("storefront:read"))
                                        .build())
                        .status())
                .isEqualTo(201);

        try (Connection app = PostgresDatabase.connectAsApplication()) {
            assertThat(queryString(
                            app,
                            "select rolsuper::text || rolbypassrls::text from pg_roles where rolname = current_user"))
                    .as("the application role is neither superuser nor exempt from RLS")
                    .isEqualTo("falsefalse");
            assertThat(queryString(app, "select tableowner from pg_tables where tablename = 'store_memberships'"))
                    .isEqualTo(PostgresDatabase.OWNER);
            String storeA = storeId(app, slugA);
            String storeB = storeId(app, slugB);
            app.setAutoCommit(false);

            // No store bound: nothing at all.
            assertThat(count(app, "select count(*) from store_memberships")).isZero();
            assertThat(count(app, "select count(*) from audit_entries")).isZero();
            assertThat(count(app, "select count(*) from store_api_keys")).isZero();
            app.rollback();

            // Store B bound: A's rows are invisible even when asked for by id.
            bind(app, storeB);
            assertThat(countFor(app, "select count(*) from store_memberships where store_id = ?", storeA))
                    .isZero();
            assertThat(countFor(app, "select count(*) from audit_entries where store_id = ?", storeA))
                    .isZero();
            assertThat(countFor(app, "select count(*) from store_api_keys where store_id = ?", storeA))
                    .isZero();
            assertThat(countFor(app, "select count(*) from store_memberships where store_id <> ?", storeB))
                    .isZero();
            assertThat(countFor(app, "select count(*) from store_memberships where store_id = ?", storeB))
                    .isEqualTo(1);

            // ...and cannot be changed.
            assertThat(update(app, "update store_memberships set role = 'STAFF' where store_id = ?", storeA))
                    .isZero();
            assertThat(update(app, "delete from store_api_keys where store_id = ?", storeA))
                    .isZero();
            app.commit();

            bind(app, storeB);
            assertThatThrownBy(() -> update(
                            app,
                            "insert into audit_entries (id, store_id, occurred_at, actor, actor_kind, action) "
                                    + "values ('00000000-0000-0000-0000-0000000000aa', ?, now(), 'mallory', 'USER', 'forged')",
                            storeA))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();

            // The audit trail is append-only for the application role.
            bind(app, storeA);
            assertThatThrownBy(() -> update(app, "delete from audit_entries where store_id = ?", storeA))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            app.rollback();

            // Positive control: bound to A, A's rows are there and untouched.
            bind(app, storeA);
            assertThat(countFor(
                            app,
                            "select count(*) from store_memberships where store_id = ? and role = 'OWNER'",
                            storeA))
                    .isEqualTo(1);
            assertThat(countFor(app, "select count(*) from store_api_keys where store_id = ?", storeA))
                    .isEqualTo(1);
            app.rollback();
        }
        assertThat(ownerA.get("api/stores/" + slugA + "/api-keys").parse().asJsonArray())
                .hasSize(1);
    }

    /** The exemption of {@code stores}, stated as what the database enforces instead of RLS. */
    @Test
    void storesIsReadableUnboundButTheApplicationCanNeitherDeleteNorTruncateIt() throws SQLException {
        try (Connection app = PostgresDatabase.connectAsApplication()) {
            assertThat(queryString(
                            app,
                            "select relrowsecurity::text from pg_class where relname = 'stores'"
                                    + " and relnamespace = current_schema()::regnamespace"))
                    .as("stores is exempt from RLS (the tenant directory; docs/architecture.md decision 6)")
                    .isEqualTo("false");
            assertThat(queryString(app, "select tableowner from pg_tables where tablename = 'stores'"))
                    .isEqualTo(PostgresDatabase.OWNER);
            assertThat(queryString(
                            app,
                            "select has_table_privilege(current_user, 'stores', 'SELECT')::text"
                                    + " || has_table_privilege(current_user, 'stores', 'INSERT')::text"
                                    + " || has_table_privilege(current_user, 'stores', 'UPDATE')::text"
                                    + " || has_table_privilege(current_user, 'stores', 'DELETE')::text"
                                    + " || has_table_privilege(current_user, 'stores', 'TRUNCATE')::text"))
                    .as("select, insert, update granted; delete and truncate not")
                    .isEqualTo("truetruetruefalsefalse");
            app.setAutoCommit(false);
            assertThatThrownBy(() -> update(app, "delete from stores where id = ?", "no-such-store"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            app.rollback();
        }
    }

    @Test
    void pluginInstallationsAndPluginStorageAreBehindTheSameWall() throws SQLException {
        Api admin = admin();
        String slugA = Stores.uniqueSlug("rlsp-a");
        String slugB = Stores.uniqueSlug("rlsp-b");
        Api ownerA = Stores.onboardAndSignIn(admin, slugA);
        Stores.onboardAndSignIn(admin, slugB);
        Api.Reply installed = admin.post(
                "api/admin/stores/" + slugA + "/plugins",
                Json.createObjectBuilder()
                        .add("pluginId", "test-echo-tax")
                        .add("version", "1.0.0")
                        .add("configuration", Json.createObjectBuilder().add("countCalls", true))
                        .build());
        assertThat(installed.status()).isEqualTo(201);
        Api.Reply quoted =
                ownerA.post("api/stores/" + slugA + "/tax/quote", io.caravan.platform.it.support.Carts.mugs("FR"));
        assertThat(quoted.status()).as(quoted.toString()).isEqualTo(200);

        try (Connection app = PostgresDatabase.connectAsApplication()) {
            String storeA = storeId(app, slugA);
            String storeB = storeId(app, slugB);
            app.setAutoCommit(false);

            assertThat(count(app, "select count(*) from plugin_installations")).isZero();
            assertThat(count(app, "select count(*) from plugin_storage")).isZero();
            app.rollback();

            bind(app, storeB);
            assertThat(countFor(app, "select count(*) from plugin_installations where store_id = ?", storeA))
                    .isZero();
            assertThat(countFor(app, "select count(*) from plugin_storage where store_id = ?", storeA))
                    .isZero();
            assertThat(update(app, "update plugin_storage set entry_value = null where store_id = ?", storeA))
                    .isZero();
            assertThat(update(app, "delete from plugin_installations where store_id = ?", storeA))
                    .isZero();
            app.commit();

            bind(app, storeB);
            assertThatThrownBy(() -> update(
                            app,
                            "insert into plugin_storage (id, store_id, plugin_id, entry_key, entry_value,"
                                    + " size_bytes, version, updated_at) values ('00000000-0000-0000-0000-0000000000bb', ?, 'test-echo-tax',"
                                    + " 'calls', null, 0, 99, now())",
                            storeA))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();

            bind(app, storeA);
            assertThat(countFor(app, "select count(*) from plugin_installations where store_id = ?", storeA))
                    .isEqualTo(1);
            assertThat(countFor(
                            app,
                            "select count(*) from plugin_storage where store_id = ? and entry_key = 'calls'",
                            storeA))
                    .isEqualTo(1);
            app.rollback();
        }
    }
}
