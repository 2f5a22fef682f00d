package io.caravan.platform.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Raw SQL for the PostgreSQL tests that go around the application to check the database's own walls. */
public final class Sql {
    private Sql() {}

    /** Binds the transaction to a store, as the application does. */
    public static void bind(Connection connection, String storeId) throws SQLException {
        try (PreparedStatement bind = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, storeId);
            bind.execute();
        }
    }

    public static String storeId(Connection connection, String slug) throws SQLException {
        return single(connection, "select id from stores where slug = ?", slug);
    }

    /** The first column of the one row the query with one parameter must return. */
    public static String single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as(sql + " " + parameter).isTrue();
                return rows.getString(1);
            }
        }
    }

    public static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    public static long count(Connection connection, String sql) throws SQLException {
        return Long.parseLong(queryString(connection, sql));
    }

    public static long countFor(Connection connection, String sql, String parameter) throws SQLException {
        return Long.parseLong(single(connection, sql, parameter));
    }

    public static int update(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        }
    }
}
