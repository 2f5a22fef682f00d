package io.caravan.platform.it.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Row-level security by construction: the list of store-owned tables is read from the catalog of
 * the schema the application's own migrations built, never written down here. Every table with a
 * {@code store_id} column must have RLS enabled and forced with a policy, and on every one of them
 * the application's role ({@code caravan_app}), bound to store A the way the application binds a
 * transaction ({@code set_config('app.tenant_id', <store id>, true)}), reads nothing of store B,
 * changes nothing of B, cannot write a row for B, and unbound sees nothing. A new table with a
 * {@code store_id} fails here until its migration gives it the wall.
 *
 * <p>The rows are made generically from the catalog (a value for every required column, a parent
 * row for every foreign key) as the server's superuser, which RLS never applies to; the checks
 * then run after {@code set local role caravan_app} in the same transaction, which is rolled back:
 * nothing this test writes is ever seen by the application.
 *
 * <p>{@code stores} itself has no {@code store_id} and no RLS: it is the tenant directory, read
 * before any store is bound (RowLevelSecurityIT says what protects it).
 */
class StoreOwnedTablesIT extends PlatformIT {
    /**
     * Store-owned tables that every store may read by design; their writes are still the owning
     * store's alone. Adding a table here is a decision, to be stated in docs/architecture.md.
     */
    private static final Map<String, String> PUBLIC_READ = Map.of(
            "listing_reviews",
            "a review is a public statement about a plugin: every store's catalog and the listing's developer read"
                    + " it; only the store that wrote it may change it (V6_1)");

    private static final String STORE_TABLES = "select c.relname from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = current_schema() and c.relkind in ('r', 'p')"
            + " and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'store_id'"
            + " and not a.attisdropped)"
            + " order by c.relname";

    @Test
    void every_table_with_a_store_id_has_row_level_security_enabled_forced_and_a_policy() throws SQLException {
        try (Connection db = PostgresDatabase.connectAsApplication()) {
            List<String> tables = strings(db, STORE_TABLES);
            assertThat(tables)
                    .as("the catalog query finds the store-owned tables")
                    .contains("store_memberships", "plugin_installations", "store_charges", "plugin_data_retention");
            SoftAssertions soft = new SoftAssertions();
            for (String table : tables) {
                try (PreparedStatement query = db.prepareStatement("select c.relrowsecurity, c.relforcerowsecurity,"
                        + " (select count(*) from pg_policy p where p.polrelid = c.oid),"
                        + " pg_get_userbyid(c.relowner) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = current_schema() and c.relname = ?")) {
                    query.setString(1, table);
                    try (ResultSet row = query.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        soft.assertThat(row.getBoolean(1))
                                .as(table + ": row level security enabled")
                                .isTrue();
                        soft.assertThat(row.getBoolean(2))
                                .as(table + ": row level security forced (the owner is under it too)")
                                .isTrue();
                        soft.assertThat(row.getLong(3))
                                .as(table + ": has a policy")
                                .isPositive();
                        soft.assertThat(row.getString(4))
                                .as(table + ": owned by the migrations' role, not the application's")
                                .isEqualTo(PostgresDatabase.OWNER);
                    }
                }
            }
            soft.assertAll();
        }
    }

    /** The catalog query above finds store-owned tables by the column's name: no other name may point at a store. */
    @Test
    void every_reference_to_a_store_is_a_column_named_store_id() throws SQLException {
        try (Connection db = PostgresDatabase.connectAsApplication()) {
            List<String> others = strings(
                    db,
                    "select c.relname || '.' || a.attname from pg_constraint k"
                            + " join pg_class c on c.oid = k.conrelid join pg_class s on s.oid = k.confrelid"
                            + " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)"
                            + " where k.contype = 'f' and s.relname = 'stores' and a.attname <> 'store_id'");
            assertThat(others).isEmpty();
        }
    }

    /**
     * A store-owned row names a store-owned parent with the store ((store_id, x) references
     * parent (store_id, id)): the database refuses a row of one store pointing at another store's
     * (foreign key checks ignore row-level security), and the key carries the distribution column
     * (docs/scaling.md). A new reference by id alone fails here.
     */
    @Test
    void every_reference_between_store_owned_tables_includes_the_store_on_both_sides() throws SQLException {
        try (Connection db = PostgresDatabase.connectAsApplication()) {
            List<String> tables = strings(db, STORE_TABLES);
            List<String> references = strings(
                    db,
                    "select c.relname || ' -> ' || t.relname || ' ' || pg_get_constraintdef(k.oid) from pg_constraint k"
                            + " join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid"
                            + " join pg_namespace n on n.oid = c.relnamespace"
                            + " where k.contype = 'f' and n.nspname = current_schema()");
            List<String> betweenStoreTables = references.stream()
                    .filter(r -> {
                        String[] parts = r.split(" ");
                        return tables.contains(parts[0]) && tables.contains(parts[2]);
                    })
                    .toList();
            assertThat(betweenStoreTables)
                    .as("the catalog query finds the references between store-owned tables")
                    .anyMatch(r -> r.startsWith("payments -> orders"));
            assertThat(betweenStoreTables)
                    .allSatisfy(r -> assertThat(r)
                            .as(r)
                            .matches(".*FOREIGN KEY \\(store_id, [a-z_]+\\) REFERENCES [a-z_]+\\(store_id, id\\).*"));
        }
    }

    @Test
    void on_every_store_owned_table_the_bound_store_reads_and_writes_only_its_own_rows() throws SQLException {
        try (Connection db = PostgresDatabase.connectAsSuperuser()) {
            assertThat(strings(db, "select rolsuper::text from pg_roles where rolname = current_user"))
                    .as("the test needs the server's superuser to set rows up past RLS and to set role")
                    .containsExactly("true");
            db.setAutoCommit(false);
            try {
                Rows rows = new Rows(db);
                List<String> tables = strings(db, STORE_TABLES);
                String a = rows.insert("stores", Map.of()).get("id").toString();
                String b = rows.insert("stores", Map.of()).get("id").toString();
                Map<String, Privileges> granted = new LinkedHashMap<>();
                // each table's own row of A and of B (a child's parents are further rows of its store:
                // references between store-owned rows name the store, V19), told apart by primary key
                Map<String, Map<String, Object>> ownA = new HashMap<>();
                Map<String, Map<String, Object>> ownB = new HashMap<>();
                Map<String, List<String>> keys = new HashMap<>();
                for (String table : tables) {
                    ownA.put(table, rows.insert(table, Map.of("store_id", a)));
                    ownB.put(table, rows.insert(table, Map.of("store_id", b)));
                    granted.put(table, Privileges.of(db, table));
                    keys.put(table, primaryKey(db, table));
                }
                // the rows for the insert checks are made now, their parents as the superuser
                Map<String, Map<String, Object>> forB = new HashMap<>();
                Map<String, Map<String, Object>> forA = new HashMap<>();
                for (String table : tables) {
                    forB.put(table, rows.values(table, Map.of("store_id", b)));
                    forA.put(table, rows.values(table, Map.of("store_id", a)));
                }

                execute(db, "set local role " + PostgresDatabase.APP);
                assertThat(strings(db, "select current_user")).containsExactly(PostgresDatabase.APP);
                SoftAssertions soft = new SoftAssertions();

                // Unbound: nothing to read, nothing to write.
                for (String table : tables) {
                    Privileges may = granted.get(table);
                    if (PUBLIC_READ.containsKey(table)) {
                        soft.assertThat(count(db, "select count(*) from " + table + " where store_id in (?, ?)", a, b))
                                .as(table + " unbound: public read (" + PUBLIC_READ.get(table) + ")")
                                .isEqualTo(2);
                    } else {
                        soft.assertThat(count(db, "select count(*) from " + table))
                                .as(table + " unbound: no rows at all")
                                .isZero();
                    }
                    soft.assertThat(attempt(db, rows.insertSql(table, forA.get(table)), forA.get(table)))
                            .as(table + " unbound: inserting a row for a store")
                            .isEqualTo(may.insert ? Outcome.RLS_REFUSED : Outcome.PERMISSION_DENIED);
                    if (may.update) {
                        soft.assertThat(attempt(
                                        db, "update " + table + " set store_id = store_id where store_id = ?", a))
                                .as(table + " unbound: updating a store's row")
                                .isEqualTo(Outcome.rows(0));
                    }
                    if (may.delete) {
                        soft.assertThat(attempt(db, "delete from " + table + " where store_id = ?", a))
                                .as(table + " unbound: deleting a store's row")
                                .isEqualTo(Outcome.rows(0));
                    }
                }

                // Bound to A: A's rows only.
                bind(db, a);
                for (String table : tables) {
                    Privileges may = granted.get(table);
                    String t = table + " bound to A: ";
                    soft.assertThat(may.select)
                            .as(t + "the application reads it")
                            .isTrue();
                    String own = keys.get(table).stream()
                            .map(c -> " and " + c + " = ?")
                            .reduce("", String::concat);
                    String[] ownOfA = own(a, ownA.get(table), keys.get(table));
                    soft.assertThat(count(db, "select count(*) from " + table + " where store_id = ?" + own, ownOfA))
                            .as(t + "A's row is there (control)")
                            .isEqualTo(1);
                    if (PUBLIC_READ.containsKey(table)) {
                        soft.assertThat(count(db, "select count(*) from " + table + " where store_id = ?", b))
                                .as(t + "B's row is public (" + PUBLIC_READ.get(table) + ")")
                                .isEqualTo(1);
                    } else {
                        soft.assertThat(count(db, "select count(*) from " + table + " where store_id = ?", b))
                                .as(t + "B's row, asked for by store id")
                                .isZero();
                        soft.assertThat(count(db, "select count(*) from " + table + " where store_id <> ?", a))
                                .as(t + "any other store's rows")
                                .isZero();
                    }

                    if (may.update) {
                        soft.assertThat(attempt(
                                        db, "update " + table + " set store_id = store_id where store_id = ?", b))
                                .as(t + "updating B's row")
                                .isEqualTo(Outcome.rows(0));
                        soft.assertThat(attemptAndUndo(
                                        db,
                                        "update " + table + " set store_id = store_id where store_id = ?" + own,
                                        (Object[]) ownOfA))
                                .as(t + "updating A's own row (control)")
                                .isEqualTo(Outcome.rows(1));
                        soft.assertThat(attempt(db, "update " + table + " set store_id = ? where store_id = ?", b, a))
                                .as(t + "moving A's row to B")
                                .isEqualTo(Outcome.RLS_REFUSED);
                    } else {
                        soft.assertThat(attempt(
                                        db, "update " + table + " set store_id = store_id where store_id = ?", b))
                                .as(t + "updating B's row (not granted)")
                                .isEqualTo(Outcome.PERMISSION_DENIED);
                    }

                    if (may.delete) {
                        soft.assertThat(attempt(db, "delete from " + table + " where store_id = ?", b))
                                .as(t + "deleting B's row")
                                .isEqualTo(Outcome.rows(0));
                        soft.assertThat(attemptAndUndo(
                                        db, "delete from " + table + " where store_id = ?" + own, (Object[]) ownOfA))
                                .as(t + "deleting A's own row (control)")
                                .isEqualTo(Outcome.rows(1));
                    } else {
                        soft.assertThat(attempt(db, "delete from " + table + " where store_id = ?", b))
                                .as(t + "deleting B's row (not granted)")
                                .isEqualTo(Outcome.PERMISSION_DENIED);
                    }

                    if (may.insert) {
                        soft.assertThat(attempt(db, rows.insertSql(table, forB.get(table)), forB.get(table)))
                                .as(t + "inserting a row for B")
                                .isEqualTo(Outcome.RLS_REFUSED);
                        soft.assertThat(attemptAndUndo(db, rows.insertSql(table, forA.get(table)), forA.get(table)))
                                .as(t + "inserting a row for A (control: the row is valid)")
                                .isEqualTo(Outcome.rows(1));
                    } else {
                        soft.assertThat(attempt(db, rows.insertSql(table, forB.get(table)), forB.get(table)))
                                .as(t + "inserting a row for B (not granted)")
                                .isEqualTo(Outcome.PERMISSION_DENIED);
                    }
                }

                // Bound to B (control of the binding itself): B's row, not A's.
                bind(db, b);
                for (String table : tables) {
                    String own = keys.get(table).stream()
                            .map(c -> " and " + c + " = ?")
                            .reduce("", String::concat);
                    soft.assertThat(count(
                                    db,
                                    "select count(*) from " + table + " where store_id = ?" + own,
                                    own(b, ownB.get(table), keys.get(table))))
                            .as(table + " bound to B: B's row (control)")
                            .isEqualTo(1);
                    if (!PUBLIC_READ.containsKey(table)) {
                        soft.assertThat(count(db, "select count(*) from " + table + " where store_id = ?", a))
                                .as(table + " bound to B: A's row")
                                .isZero();
                    }
                }
                soft.assertAll();
            } finally {
                db.rollback();
            }
        }
    }

    /** The store, then the row's primary key values, as query parameters. */
    private static String[] own(String store, Map<String, Object> row, List<String> key) {
        List<String> parameters = new java.util.ArrayList<>(List.of(store));
        key.forEach(c -> parameters.add(String.valueOf(row.get(c))));
        return parameters.toArray(String[]::new);
    }

    /** The table's primary key columns, in key order. */
    private static List<String> primaryKey(Connection db, String table) throws SQLException {
        return strings(
                db,
                "select a.attname from pg_index i join pg_class c on c.oid = i.indrelid"
                        + " join pg_namespace n on n.oid = c.relnamespace"
                        + " cross join lateral unnest(i.indkey) with ordinality as k(col, ord)"
                        + " join pg_attribute a on a.attrelid = c.oid and a.attnum = k.col"
                        + " where i.indisprimary and n.nspname = current_schema() and c.relname = '" + table + "'"
                        + " order by k.ord");
    }

    /** What the application role may do to a table (its grants; RLS then limits the rows). */
    private record Privileges(boolean select, boolean insert, boolean update, boolean delete) {
        static Privileges of(Connection db, String table) throws SQLException {
            return new Privileges(
                    may(db, table, "SELECT"),
                    may(db, table, "INSERT"),
                    may(db, table, "UPDATE"),
                    may(db, table, "DELETE"));
        }

        private static boolean may(Connection db, String table, String privilege) throws SQLException {
            try (PreparedStatement query = db.prepareStatement("select has_table_privilege(?, ?, ?)")) {
                query.setString(1, PostgresDatabase.APP);
                query.setString(2, table);
                query.setString(3, privilege);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getBoolean(1);
                }
            }
        }
    }

    /** How a statement ended: rows affected, refused by a row-level security policy, or not granted. */
    private record Outcome(String what) {
        static final Outcome RLS_REFUSED = new Outcome("refused by row-level security");
        static final Outcome PERMISSION_DENIED = new Outcome("permission denied");

        static Outcome rows(int n) {
            return new Outcome(n + " rows");
        }
    }

    /** Runs one statement in a savepoint; a failed statement leaves the transaction usable. */
    private static Outcome attempt(Connection db, String sql, Object... parameters) throws SQLException {
        return run(db, sql, false, parameters);
    }

    private static Outcome attempt(Connection db, String sql, Map<String, Object> values) throws SQLException {
        return run(db, sql, false, values.values().toArray());
    }

    /** As {@link #attempt}, then undoes what the statement did (controls that must not change the rows). */
    private static Outcome attemptAndUndo(Connection db, String sql, Object... parameters) throws SQLException {
        return run(db, sql, true, parameters);
    }

    private static Outcome attemptAndUndo(Connection db, String sql, Map<String, Object> values) throws SQLException {
        return run(db, sql, true, values.values().toArray());
    }

    private static Outcome run(Connection db, String sql, boolean undo, Object... parameters) throws SQLException {
        Savepoint before = db.setSavepoint();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            int changed = statement.executeUpdate();
            if (undo) {
                db.rollback(before);
            } else {
                db.releaseSavepoint(before);
            }
            return Outcome.rows(changed);
        } catch (SQLException e) {
            db.rollback(before);
            String message = String.valueOf(e.getMessage());
            if (message.contains("row-level security")) {
                return Outcome.RLS_REFUSED;
            }
            if (message.contains("permission denied")) {
                return Outcome.PERMISSION_DENIED;
            }
            return new Outcome("failed: " + message);
        }
    }

    private static void bind(Connection db, String storeId) throws SQLException {
        try (PreparedStatement bind = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, storeId);
            bind.execute();
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection db, String sql, String... parameters) throws SQLException {
        Savepoint before = db.setSavepoint();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long n = row.getLong(1);
                db.releaseSavepoint(before);
                return n;
            }
        } catch (SQLException e) {
            db.rollback(before);
            // a table the role may not read reads as nothing; the privilege check above says so
            if (String.valueOf(e.getMessage()).contains("permission denied")) {
                return -1;
            }
            throw e;
        }
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (var statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /**
     * Makes rows from the catalog: a value for every column that needs one (not null, no default),
     * a parent row (made the same way) for every foreign key.
     */
    private static final class Rows {
        private final Connection db;

        Rows(Connection db) {
            this.db = db;
        }

        /** Inserts a row (as the connection's current role) and returns its values. */
        Map<String, Object> insert(String table, Map<String, Object> fixed) throws SQLException {
            Map<String, Object> values = values(table, fixed);
            try (PreparedStatement insert = db.prepareStatement(insertSql(table, values))) {
                int i = 1;
                for (Object value : values.values()) {
                    insert.setObject(i++, value);
                }
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            return values;
        }

        String insertSql(String table, Map<String, Object> values) {
            return "insert into " + table + " (" + String.join(", ", values.keySet()) + ") values ("
                    + String.join(", ", values.keySet().stream().map(c -> "?").toList()) + ")";
        }

        /**
         * Values for a new row of {@code table}; parents are inserted as needed. Single-column
         * references first (the row's store, say), then composite ones, whose parent gets the
         * values the child has already: a {@code (store_id, order_id)} reference makes an order of
         * the child's own store.
         */
        Map<String, Object> values(String table, Map<String, Object> fixed) throws SQLException {
            Map<String, String> allowed = allowedValues(table);
            // 1 for numeric columns (checks such as 1-5 stars or reserved <= on hand hold), a fresh
            // number for those in a unique key (two rows of one store never share an order number)
            Set<String> unique = uniqueColumns(table);
            List<String[]> columns = new java.util.ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("select column_name, data_type,"
                    + " character_maximum_length, is_nullable, column_default from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
                query.setString(1, table);
                try (ResultSet column = query.executeQuery()) {
                    while (column.next()) {
                        boolean required = "NO".equals(column.getString(4)) && column.getString(5) == null;
                        columns.add(new String[] {
                            column.getString(1),
                            column.getString(2),
                            column.getObject(3) == null ? null : String.valueOf(column.getObject(3)),
                            String.valueOf(required)
                        });
                    }
                }
            }
            Set<String> required = new java.util.HashSet<>();
            columns.stream().filter(c -> Boolean.parseBoolean(c[3])).forEach(c -> required.add(c[0]));
            Map<String, Object> known = new LinkedHashMap<>(fixed);
            for (List<String[]> key : foreignKeys(table)) {
                if (key.stream().noneMatch(c -> required.contains(c[0]) && !known.containsKey(c[0]))) {
                    continue;
                }
                Map<String, Object> parentFixed = new HashMap<>();
                for (String[] c : key) {
                    if (known.containsKey(c[0])) {
                        parentFixed.put(c[2], known.get(c[0]));
                    }
                }
                Map<String, Object> parent = insert(key.getFirst()[1], parentFixed);
                for (String[] c : key) {
                    known.putIfAbsent(c[0], parent.get(c[2]));
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String[] column : columns) {
                String name = column[0];
                if (known.containsKey(name)) {
                    values.put(name, known.get(name));
                } else if (!required.contains(name)) {
                    continue;
                } else if (allowed.containsKey(name)) {
                    values.put(name, allowed.get(name));
                } else {
                    values.put(
                            name,
                            value(
                                    table,
                                    name,
                                    column[1],
                                    column[2] == null ? null : Integer.valueOf(column[2]),
                                    unique.contains(name) ? 1 + NUMBERS.getAndIncrement() : 1));
                }
            }
            return values;
        }

        /** The columns of the table's unique constraints (not its primary key). */
        private Set<String> uniqueColumns(String table) throws SQLException {
            Set<String> columns = new java.util.HashSet<>();
            try (PreparedStatement query = db.prepareStatement("select a.attname from pg_constraint k"
                    + " join pg_class c on c.oid = k.conrelid"
                    + " join pg_attribute a on a.attrelid = c.oid and a.attnum = any (k.conkey)"
                    + " where k.contype = 'u' and c.relname = ?")) {
                query.setString(1, table);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        columns.add(row.getString(1));
                    }
                }
            }
            return columns;
        }

        /**
         * column → one value its check constraint allows, for columns restricted to a list
         * ({@code check (status in ('OPEN', ...))}, which PostgreSQL shows as {@code = ANY (ARRAY['OPEN'::…])}).
         */
        private Map<String, String> allowedValues(String table) throws SQLException {
            Map<String, String> allowed = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement("select a.attname, pg_get_constraintdef(k.oid)"
                    + " from pg_constraint k join pg_class c on c.oid = k.conrelid"
                    + " join pg_attribute a on a.attrelid = c.oid and a.attnum = any (k.conkey)"
                    + " where k.contype = 'c' and c.relname = ? and array_length(k.conkey, 1) = 1")) {
                query.setString(1, table);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        java.util.regex.Matcher literal =
                                java.util.regex.Pattern.compile("'([^']*)'").matcher(row.getString(2));
                        if (literal.find()) {
                            allowed.put(row.getString(1), literal.group(1));
                        }
                    }
                }
            }
            return allowed;
        }

        /**
         * The table's foreign keys, each as its columns in order: {column, referenced table,
         * referenced column}; single-column keys first.
         */
        private List<List<String[]>> foreignKeys(String table) throws SQLException {
            Map<Long, List<String[]>> keys = new LinkedHashMap<>();
            try (PreparedStatement query = db.prepareStatement("select k.oid, a.attname, t.relname, ta.attname"
                    + " from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class t on t.oid = k.confrelid"
                    + " join pg_namespace n on n.oid = c.relnamespace"
                    + " cross join lateral unnest(k.conkey, k.confkey) with ordinality as u(col, fcol, ord)"
                    + " join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.col"
                    + " join pg_attribute ta on ta.attrelid = k.confrelid and ta.attnum = u.fcol"
                    + " where k.contype = 'f' and n.nspname = current_schema() and c.relname = ?"
                    + " order by cardinality(k.conkey), k.oid, u.ord")) {
                query.setString(1, table);
                try (ResultSet key = query.executeQuery()) {
                    while (key.next()) {
                        keys.computeIfAbsent(key.getLong(1), k -> new java.util.ArrayList<>())
                                .add(new String[] {key.getString(2), key.getString(3), key.getString(4)});
                    }
                }
            }
            return List.copyOf(keys.values());
        }

        private static final java.util.concurrent.atomic.AtomicInteger NUMBERS =
                new java.util.concurrent.atomic.AtomicInteger();

        private static Object value(String table, String column, String type, Integer length, int number) {
            String token = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
            return switch (type) {
                case "character varying", "text" ->
                    column.equals("id")
                            ? UUID.randomUUID().toString()
                            : token.substring(0, Math.min(token.length(), length == null ? 32 : length));
                case "character" -> token.repeat(2).substring(0, length == null ? 1 : length);
                case "bigint", "integer", "smallint" -> number;
                case "numeric" -> java.math.BigDecimal.ONE;
                case "boolean" -> false;
                case "timestamp with time zone" -> OffsetDateTime.now();
                case "bytea" -> new byte[] {1};
                default ->
                    throw new IllegalStateException(
                            table + "." + column + " is of type " + type + ": teach StoreOwnedTablesIT a value for it");
            };
        }
    }
}
