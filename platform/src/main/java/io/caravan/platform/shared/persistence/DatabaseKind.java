package io.caravan.platform.shared.persistence;

import java.util.Locale;

/** The databases Caravan runs on: H2 for the embedded run, PostgreSQL for production. */
public enum DatabaseKind {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    DatabaseKind(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationFolder() {
        return migrationFolder;
    }

    public static DatabaseKind parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            case "postgresql", "postgres" -> POSTGRESQL;
            default ->
                throw new IllegalArgumentException("caravan.db.kind must be h2 or postgresql, not '" + value + "'");
        };
    }
}
