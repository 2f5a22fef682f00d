package io.caravan.platform.shared.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The one tenant filter. Hands out the transaction's EntityManager bound to one store, with both
 * walls up: EclipseLink's tenant discriminator (every store-owned entity) and, on PostgreSQL, the
 * row-level-security setting on the very connection the transaction uses.
 *
 * <p>This class holds the only native SQL outside the migrations: {@code set_config}, reviewed
 * here once. A transaction is bound to at most one store; asking for a second store in the same
 * transaction is a programming error and fails loudly.
 */
@ApplicationScoped
public class StoreScopedPersistence {
    private static final String BOUND_STORE = StoreScopedPersistence.class.getName() + ".store";

    @PersistenceContext(unitName = "caravan")
    EntityManager entityManager;

    @Resource(lookup = "jdbc/caravan")
    DataSource applicationDataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "caravan.db.kind", defaultValue = "h2")
    String databaseKind;

    /** Decided once: every store-scoped transaction asks. */
    private boolean rowLevelSecurity;

    @PostConstruct
    void readDatabaseKind() {
        rowLevelSecurity = DatabaseKind.parse(databaseKind) == DatabaseKind.POSTGRESQL;
    }

    /** The transaction's EntityManager, filtered to {@code storeId}. Requires an active transaction. */
    public EntityManager forStore(String storeId) {
        if (storeId == null || storeId.isBlank()) {
            throw new IllegalArgumentException("store id is required for store-owned data");
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("store-owned data is only reachable inside a transaction");
        }
        Object bound = transactions.getResource(BOUND_STORE);
        if (bound == null) {
            entityManager.setProperty(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, storeId);
            bindRowLevelSecurity(storeId);
            transactions.putResource(BOUND_STORE, storeId);
        } else if (!bound.equals(storeId)) {
            throw new IllegalStateException("this transaction is already bound to another store");
        }
        return entityManager;
    }

    /** The EntityManager for platform-owned tables (stores). Never use it for store-owned entities. */
    public EntityManager platform() {
        return entityManager;
    }

    private void bindRowLevelSecurity(String storeId) {
        if (!rowLevelSecurity) {
            return;
        }
        // Inside a global transaction Liberty hands out the same shareable physical connection
        // that EclipseLink uses, so the transaction-local setting applies to its statements too.
        try (Connection connection = applicationDataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, storeId);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not bind the store to the database session", e);
        }
    }
}
