package io.caravan.platform.events.infrastructure;

import io.caravan.platform.events.domain.DeliveryQueue;
import io.caravan.platform.events.domain.DeliveryStatus;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.shared.persistence.DatabaseKind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox's SQL (docs/architecture.md, "Order events"). JPQL has no {@code SKIP LOCKED}, and a
 * multitenant entity cannot be read across stores, so these few statements are plain JDBC on the
 * application's data source — inside a transaction, Liberty hands out the transaction's own
 * connection, so a claim's locks and the store binding are the transaction's.
 *
 * <p>On PostgreSQL the cross-store reads go through the owner's security-definer functions
 * {@code due_event_deliveries} and {@code plugin_event_deliveries} (V14_1): the application role
 * itself sees no row of a store it is not bound to. H2 has no row-level security; the same
 * statements run directly. The claim ({@link #lockClaimable}) runs bound to one store on both and
 * names the store in its condition as well.
 */
@ApplicationScoped
public class SqlDeliveryQueue implements DeliveryQueue {
    /** Pending, due, not leased, and no earlier event of the order pending for the installation. */
    private static final String CLAIMABLE = "d.status = 'PENDING' and d.next_attempt_at <= ?"
            + " and (d.lease_until is null or d.lease_until <= ?)"
            + " and not exists (select 1 from event_deliveries e"
            + " where e.store_id = d.store_id and e.installation_id = d.installation_id"
            + " and e.order_id = d.order_id and e.sequence_no < d.sequence_no and e.status = 'PENDING')";

    private static final String DUE_H2 = "select d.store_id, s.slug, d.id from event_deliveries d"
            + " join stores s on s.id = d.store_id where " + CLAIMABLE
            + " order by d.next_attempt_at, d.sequence_no limit ?";
    private static final String DUE_POSTGRESQL =
            "select store_id, store_slug, delivery_id from due_event_deliveries(?, ?)";

    private static final String OF_PLUGIN_H2 = "select d.id, d.event_id, s.slug, d.event_type, d.sequence_no,"
            + " d.status, d.attempts, d.last_error, d.enqueued_at, d.next_attempt_at, d.completed_at,"
            + " count(*) over () from event_deliveries d join stores s on s.id = d.store_id"
            + " where d.plugin_id = ? and (cast(? as varchar(16)) is null or d.status = ?)"
            + " order by d.enqueued_at desc, d.id limit ? offset ?";
    private static final String OF_PLUGIN_POSTGRESQL = "select delivery_id, event_id, store_slug, event_type,"
            + " sequence_no, status, attempts, last_error, enqueued_at, next_attempt_at, completed_at, total"
            + " from plugin_event_deliveries(?, ?, ?, ?)";

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
    public List<Due> due(Instant now, int max) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(postgresql ? DUE_POSTGRESQL : DUE_H2)) {
            int i = 1;
            query.setObject(i++, timestamp(now));
            if (!postgresql) {
                query.setObject(i++, timestamp(now));
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
            throw new IllegalStateException("could not read the due order event deliveries", e);
        }
    }

    @Override
    public List<String> lockClaimable(String storeId, Collection<String> deliveryIds, Instant now) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        String sql = "select d.id from event_deliveries d where d.store_id = ? and d.id in ("
                + String.join(", ", deliveryIds.stream().map(id -> "?").toList()) + ") and " + CLAIMABLE
                + " for update skip locked";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            query.setString(i++, storeId);
            for (String id : deliveryIds) {
                query.setString(i++, id);
            }
            query.setObject(i++, timestamp(now));
            query.setObject(i, timestamp(now));
            List<String> locked = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    locked.add(rows.getString(1));
                }
            }
            return locked;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim order event deliveries", e);
        }
    }

    @Override
    public Page<PluginDelivery> ofPlugin(String pluginId, DeliveryStatus status, PageRequest page) {
        List<PluginDelivery> items = new ArrayList<>();
        long total = read(pluginId, status, page.size(), page.offset(), items);
        if (items.isEmpty() && page.offset() > 0) {
            total = read(pluginId, status, 1, 0, new ArrayList<>());
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    private long read(String pluginId, DeliveryStatus status, int limit, int offset, List<PluginDelivery> into) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement(postgresql ? OF_PLUGIN_POSTGRESQL : OF_PLUGIN_H2)) {
            int i = 1;
            query.setString(i++, pluginId);
            if (status == null) {
                query.setNull(i++, Types.VARCHAR);
            } else {
                query.setString(i++, status.name());
            }
            if (!postgresql) {
                if (status == null) {
                    query.setNull(i++, Types.VARCHAR);
                } else {
                    query.setString(i++, status.name());
                }
            }
            query.setInt(i++, limit);
            query.setInt(i, offset);
            long total = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    into.add(new PluginDelivery(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getLong(5),
                            DeliveryStatus.valueOf(rows.getString(6)),
                            rows.getInt(7),
                            rows.getString(8),
                            instant(rows, 9),
                            instant(rows, 10),
                            instant(rows, 11)));
                    total = rows.getLong(12);
                }
            }
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the deliveries of " + pluginId, e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
