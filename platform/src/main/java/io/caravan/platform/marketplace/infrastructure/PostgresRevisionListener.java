package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.application.PluginRevisions;
import io.caravan.platform.shared.persistence.DatabaseKind;
import io.caravan.platform.shared.persistence.DatabaseMigrations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes this node as soon as another node bumps a platform revision (PostgreSQL only): one
 * dedicated connection per node listens on {@code caravan_revisions} (the trigger of migration
 * V17_1 notifies at commit) and calls {@link PluginRevisions#check()} for every batch of
 * notifications. The notification carries nothing the node trusts: the counters stay the truth.
 * A broken connection is reopened with exponential backoff (0.5 s doubling to 30 s); after every
 * (re)connection the node checks once, and the revisions' 1 s poll covers the time in between.
 */
@ApplicationScoped
public class PostgresRevisionListener {
    static final String CHANNEL = "caravan_revisions";
    static final String APPLICATION_NAME = "caravan-revision-listener";
    private static final Logger LOG = Logger.getLogger(PostgresRevisionListener.class.getName());
    private static final int WAIT_MILLIS = 5_000;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Resource(lookup = "jdbc/caravan")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    PluginRevisions revisions;

    @Inject
    @ConfigProperty(name = "caravan.db.kind", defaultValue = "h2")
    String databaseKind;

    private volatile boolean running;
    private volatile Connection listening;
    private Thread thread;

    void start(
            @Observes @Priority(DatabaseMigrations.STARTUP_ORDER + 41) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        if (DatabaseKind.parse(databaseKind) != DatabaseKind.POSTGRESQL) {
            return;
        }
        running = true;
        thread = threads.newThread(this::listen);
        thread.setName("caravan-revision-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                listening = connection;
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    // Named, so that an operator (and SeveralNodesIT) can find it in pg_stat_activity.
                    statement.execute("set application_name = '" + APPLICATION_NAME + "'");
                    statement.execute("listen " + CHANNEL);
                }
                backoff = FIRST_BACKOFF;
                LOG.info("Listening for platform revision changes on " + CHANNEL);
                revisions.check(); // whatever moved while this node was not listening
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        revisions.check();
                    } else if (!connection.isValid(2)) {
                        throw new SQLException("the listening connection is no longer valid");
                    }
                }
                connection.close();
            } catch (SQLException | RuntimeException e) {
                discard(connection);
                if (!running) {
                    return;
                }
                LOG.log(
                        Level.WARNING,
                        "Listening for platform revisions failed (" + e.getMessage() + "); reconnecting in "
                                + backoff.toMillis() + " ms, the 1 s poll covers the gap");
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff.toMillis()));
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                listening = null;
            }
        }
    }

    /**
     * Destroys a failed listening connection instead of handing it back to the pool: its failure
     * came through the driver's own API, which the pool does not see, so closing it would put a
     * dead connection back for the next request.
     */
    private static void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Aborting the failed listening connection failed", e);
            try {
                connection.close();
            } catch (SQLException closing) {
                LOG.log(Level.FINE, "Closing the failed listening connection failed", closing);
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing the listening connection failed", e);
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
