package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.domain.InstallationHealth;
import io.caravan.platform.marketplace.domain.InstallationHealthRepository;
import io.caravan.platform.shared.persistence.DatabaseKind;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Health rows through the store-bound EntityManager; the cross-store scan for due checks is plain
 * JDBC: on PostgreSQL through the owner's security-definer function {@code due_plugin_health}
 * (V18_1, ids only — the application role sees no other store's rows), on H2 (no row-level
 * security) the same query directly.
 */
@ApplicationScoped
public class JpaInstallationHealthRepository implements InstallationHealthRepository {
    private static final String DUE_H2 = "select i.store_id, s.slug, i.id from plugin_installations i"
            + " join stores s on s.id = i.store_id"
            + " left join plugin_health h on h.installation_id = i.id"
            + " where i.status = 'ENABLED' and s.status = 'ACTIVE' and i.updated_at <= ?"
            + " and (h.installation_id is null"
            + " or ((h.next_check_at <= ? or h.checked_at is null or h.checked_at < i.updated_at)"
            + " and (h.lease_until is null or h.lease_until <= ?)))"
            + " order by coalesce(h.next_check_at, i.updated_at), i.id limit ?";
    private static final String DUE_POSTGRESQL =
            "select store_id, store_slug, installation_id from due_plugin_health(?, ?, ?)";

    @Inject
    StoreScopedPersistence persistence;

    @Resource(lookup = "jdbc/caravan")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "caravan.db.kind", defaultValue = "h2")
    String databaseKind;

    private boolean postgresql;

    @PostConstruct
    void readDatabaseKind() {
        postgresql = DatabaseKind.parse(databaseKind) == DatabaseKind.POSTGRESQL;
    }

    @Override
    public List<Due> due(Instant now, Instant changedBefore, int max) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(postgresql ? DUE_POSTGRESQL : DUE_H2)) {
            int i = 1;
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            OffsetDateTime settled = changedBefore.atOffset(ZoneOffset.UTC);
            if (postgresql) {
                query.setObject(i++, at);
                query.setObject(i++, settled);
            } else {
                query.setObject(i++, settled);
                query.setObject(i++, at);
                query.setObject(i++, at);
            }
            query.setInt(i, max);
            List<Due> due = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the due plugin health checks", e);
        }
    }

    @Override
    public Optional<InstallationHealth> find(String storeId, String installationId) {
        return Optional.ofNullable(persistence.forStore(storeId).find(InstallationHealth.class, installationId));
    }

    @Override
    public List<InstallationHealth> list(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery("select h from InstallationHealth h", InstallationHealth.class)
                .getResultList();
    }

    @Override
    public void add(String storeId, InstallationHealth health) {
        persistence.forStore(storeId).persist(health);
    }
}
