package io.caravan.platform.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database of the integration tests: dropped and created afresh each run, owned by
 * {@code caravan_owner} (who runs the migrations); the application connects as {@code caravan_app},
 * which owns nothing and cannot bypass row-level security.
 */
public final class PostgresDatabase {
    public static final String DATABASE = "caravan_it";
    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    public static final String OWNER = "caravan_owner";
    public static final String APP = "caravan_app";

    private PostgresDatabase() {}

    static void recreate() {
        String adminUrl =
                System.getProperty("caravan.it.postgresql.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String adminUser = System.getProperty("caravan.it.postgresql.admin-user", "postgres");
        String adminPassword = System.getProperty("caravan.it.postgresql.admin-password", "");
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            ensureRole(sql, OWNER, "NOSUPERUSER NOCREATEDB NOCREATEROLE");
            ensureRole(sql, APP, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            sql.execute("create database " + DATABASE + " owner " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot prepare PostgreSQL at " + adminUrl + " as " + adminUser
                            + " (is it running? .ci/run starts it): " + e.getMessage(),
                    e);
        }
    }

    private static void ensureRole(Statement sql, String role, String attributes) throws SQLException {
        sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then "
                + "create role " + role + " login password '" + role + "' " + attributes + "; end if; end $$");
        sql.execute("alter role " + role + " with login password '" + role + "' " + attributes);
    }

    /**
     * A connection to the test database as the server's administrator (a superuser, which row-level
     * security never applies to), for tests that set up rows of any store and then {@code set role}
     * to the application's role inside the same transaction.
     */
    public static Connection connectAsSuperuser() throws SQLException {
        return DriverManager.getConnection(
                URL,
                System.getProperty("caravan.it.postgresql.admin-user", "postgres"),
                System.getProperty("caravan.it.postgresql.admin-password", ""));
    }

    /** A connection as the application's role, for tests that go around EclipseLink on purpose. */
    public static Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(URL, APP, APP);
    }
}
