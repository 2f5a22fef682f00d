package io.caravan.platform.events.testsupport;

import io.caravan.platform.events.application.EventRetention;
import io.caravan.platform.events.application.OrderEventListeners;
import io.caravan.platform.events.application.OutboxSettings;
import io.caravan.platform.shared.domain.StoreRef;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.StoreLifecycle;
import io.caravan.platform.tenancy.domain.Store;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test deployments only (EventOutbox*IT adds it to the WAR; the shipped WAR has no such class):
 * stands in for the store runtime's order code until it exists, appending order events through
 * {@code EventOutbox} in a transaction of its own that commits or rolls back as asked, and reads a
 * plugin's storage so a test sees what the listener recorded. Platform admins only.
 */
@Path("/test/outbox/stores/{store}")
@RequestScoped
@Access(Access.Audience.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxTestResource {
    @Inject
    OutboxTestTransactions transactions;

    @Inject
    OrderEventListeners listeners;

    @Inject
    StoreLifecycle stores;

    @Inject
    EventRetention retention;

    @Inject
    OutboxSettings settings;

    @Inject
    Clock clock;

    @PathParam("store")
    String slug;

    /**
     * @param rollback     roll the transaction back after appending (the order change failed)
     * @param leaseSeconds for {@code /dead-node}: how long the dead node's lease lasts
     */
    public record AppendRequest(
            String eventId, String orderId, long sequence, String type, boolean rollback, int leaseSeconds) {}

    public record Appended(List<String> deliveries, boolean committed) {}

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Appended append(AppendRequest request) {
        Store store = stores.find(slug);
        List<String> deliveries = transactions.append(store.id(), request);
        return new Appended(deliveries, !request.rollback());
    }

    /**
     * A node that claimed the new event's deliveries, handed them to their listeners and died
     * before recording the outcome: the deliveries are committed claimed by {@code dead-node} with a
     * lease of {@code leaseSeconds}, then each listener receives its event once, outside the outbox.
     */
    @POST
    @Path("/events/dead-node")
    @Consumes(MediaType.APPLICATION_JSON)
    public Appended appendDeliveredByADeadNode(AppendRequest request) {
        Store store = stores.find(slug);
        List<OutboxTestTransactions.Claimed> claimed = transactions.appendClaimedByDeadNode(store.id(), request);
        StoreRef ref = new StoreRef(store.id(), slug);
        for (OutboxTestTransactions.Claimed c : claimed) {
            listeners.deliver(ref, c.installationId(), c.deliveryId(), c.payload());
        }
        return new Appended(
                claimed.stream().map(OutboxTestTransactions.Claimed::deliveryId).toList(), true);
    }

    /** Runs the retention purge for this store as if {@code days} had passed. */
    @POST
    @Path("/purge")
    public EventRetention.Purged purge(@QueryParam("days") int days) {
        Instant cutoff = clock.instant().plus(Duration.ofDays(days)).minus(settings.retention());
        return retention.purge(stores.find(slug).id(), cutoff);
    }

    /** A plugin's storage in this store: key → value as text. */
    @GET
    @Path("/storage/{plugin}")
    public Map<String, String> storage(@PathParam("plugin") String pluginId, @QueryParam("prefix") String prefix) {
        return transactions.storage(stores.find(slug).id(), pluginId, prefix == null ? "" : prefix);
    }
}
