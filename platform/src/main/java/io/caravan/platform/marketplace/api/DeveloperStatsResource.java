package io.caravan.platform.marketplace.api;

import io.caravan.platform.host.application.MetricsSnapshot;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.application.Listings;
import io.caravan.platform.marketplace.application.PluginDataLifecycle;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How a developer's plugin is doing: installs across stores, and its calls and errors. */
@Path("/developer/listings/{slug}/stats")
@RequestScoped
@Access(Access.Audience.PLUGIN_DEVELOPER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugin developer")
public class DeveloperStatsResource {
    @Inject
    Listings listings;

    @Inject
    PluginDataLifecycle data;

    @Inject
    PluginHost host;

    @Inject
    RequestCaller caller;

    /**
     * @param installs stores that have the plugin installed now (no store identities)
     * @param calls    per extension point, all stores together, as this node counted them since it
     *                 started: calls, answers, refusals, failures by kind, latency
     */
    public record StatsView(String slug, long installs, List<MetricsSnapshot> calls) {}

    @GET
    @Operation(summary = "Installs of your plugin, and its calls and errors on this node")
    public StatsView stats(@PathParam("slug") String slug) {
        listings.get(caller.user(), slug);
        return new StatsView(
                slug,
                data.installs(slug),
                host.pluginMetrics().stream()
                        .filter(m -> m.pluginId().equals(slug))
                        .toList());
    }
}
