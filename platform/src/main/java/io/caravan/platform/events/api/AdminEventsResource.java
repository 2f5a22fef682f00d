package io.caravan.platform.events.api;

import io.caravan.platform.events.application.DeliveryLag;
import io.caravan.platform.events.application.OutboxSettings;
import io.caravan.platform.events.domain.DeliveryQueue;
import io.caravan.platform.tenancy.application.Access;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The outbox on this node, for platform admins: delivery lag and outcomes, and the due backlog. */
@Path("/admin/events")
@RequestScoped
@Access(Access.Audience.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform admin: events")
public class AdminEventsResource {
    /** The backlog is counted up to this many due deliveries. */
    private static final int BACKLOG_LIMIT = 1000;

    @Inject
    DeliveryLag lag;

    @Inject
    DeliveryQueue queue;

    @Inject
    OutboxSettings settings;

    @Inject
    Clock clock;

    /**
     * @param node           this node's name in claims
     * @param delivery       this node's outcomes since it started, and the enqueue-to-acknowledge lag of
     *                       its last 10,000 acknowledged deliveries (p50, p99, max in milliseconds)
     * @param dueNow         deliveries due now across stores and nodes, counted up to {@code dueNowLimit}
     * @param retryBase      the first wait after a failed attempt (ISO-8601), doubled after each further one
     * @param maxAttempts    attempts before a delivery is dead
     */
    public record StatsView(
            String node,
            DeliveryLag.Snapshot delivery,
            int dueNow,
            int dueNowLimit,
            String retryBase,
            int maxAttempts) {}

    @GET
    @Path("/stats")
    @Operation(summary = "Order event delivery on this node: lag percentiles, outcomes, due backlog")
    public StatsView stats() {
        return new StatsView(
                settings.nodeId(),
                lag.snapshot(),
                queue.due(clock.instant(), BACKLOG_LIMIT).size(),
                BACKLOG_LIMIT,
                settings.retryPolicy().base().toString(),
                settings.retryPolicy().maxAttempts());
    }
}
