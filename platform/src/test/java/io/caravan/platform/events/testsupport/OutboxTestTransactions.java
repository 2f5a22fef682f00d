package io.caravan.platform.events.testsupport;

import io.caravan.platform.events.application.EventOutbox;
import io.caravan.platform.events.domain.EventDelivery;
import io.caravan.platform.events.domain.RecordedOrderEvent;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import io.caravan.sdk.model.OrderEventType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The test resource's transactions (test deployments only). */
@ApplicationScoped
public class OutboxTestTransactions {
    @Inject
    EventOutbox outbox;

    @Inject
    StoreScopedPersistence persistence;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "jdbc/caravan")
    DataSource dataSource;

    /** A delivery the dead node holds, with what a listener needs. */
    public record Claimed(String deliveryId, String installationId, String payload) {}

    /** Appends one event as the order code would, and rolls back if asked. */
    @Transactional
    public List<String> append(String storeId, OutboxTestResource.AppendRequest request) {
        List<EventDelivery> deliveries = outbox.append(storeId, SampleOrders.event(request));
        if (request.rollback()) {
            transactions.setRollbackOnly();
        }
        return deliveries.stream().map(EventDelivery::id).toList();
    }

    /** Appends one event and, in the same transaction, has "dead-node" claim its deliveries. */
    @Transactional
    public List<Claimed> appendClaimedByDeadNode(String storeId, OutboxTestResource.AppendRequest request) {
        List<EventDelivery> deliveries = outbox.append(storeId, SampleOrders.event(request));
        EntityManager em = persistence.forStore(storeId);
        String payload = em.find(RecordedOrderEvent.class, request.eventId()).payload();
        for (EventDelivery delivery : deliveries) {
            delivery.claim("dead-node", clock.instant(), Duration.ofSeconds(request.leaseSeconds()));
        }
        return deliveries.stream()
                .map(d -> new Claimed(d.id(), d.installationId(), payload))
                .toList();
    }

    /** A plugin's stored entries whose key starts with {@code prefix}, read bound to the store. */
    @Transactional
    public Map<String, String> storage(String storeId, String pluginId, String prefix) {
        persistence.forStore(storeId);
        Map<String, String> entries = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select entry_key, entry_value from plugin_storage"
                                + " where store_id = ? and plugin_id = ? and entry_key like ? and entry_value is not null")) {
            query.setString(1, storeId);
            query.setString(2, pluginId);
            query.setString(3, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.put(rows.getString(1), new String(rows.getBytes(2), StandardCharsets.UTF_8));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }

    static OrderEventType type(String name) {
        return OrderEventType.valueOf(name);
    }
}
