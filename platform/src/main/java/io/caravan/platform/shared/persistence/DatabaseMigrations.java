package io.caravan.platform.shared.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before the application serves anything (docs/architecture.md, decision 7).
 * Runs as the schema owner through a non-transactional data source; the application itself
 * connects as a role that owns nothing (on PostgreSQL).
 */
@ApplicationScoped
public class DatabaseMigrations {
    /** Migrations run before any other start-up observer (demo data, for one). */
    public static final int STARTUP_ORDER = 100;

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "jdbc/caravanMigrations")
    DataSource ownerDataSource;

    @Inject
    @ConfigProperty(name = "caravan.db.kind", defaultValue = "h2")
    String databaseKind;

    @Inject
    @ConfigProperty(name = "caravan.db.user", defaultValue = "caravan")
    String applicationRole;

    void migrateOnStartup(@Observes @Priority(STARTUP_ORDER) @Initialized(ApplicationScoped.class) Object ignored) {
        DatabaseKind kind = DatabaseKind.parse(databaseKind);
        // Each location (and Flyway's default db/callback) holds an empty flyway.location file:
        // Liberty's class loader only lists resource folders that contain a file Flyway can look up.
        String[] locations = {"classpath:db/migration/common", "classpath:db/migration/" + kind.migrationFolder()};
        Flyway flyway = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(ownerDataSource)
                .locations(locations)
                .placeholders(Map.of("appRole", applicationRole))
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema on " + kind + " at version "
                + flyway.info().current().getVersion() + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
