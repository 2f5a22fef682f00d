package io.caravan.platform.marketplace.api;

import io.caravan.platform.host.application.MetricsSnapshot;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.identity.api.Access;
import io.caravan.platform.identity.api.RequestCaller;
import io.caravan.platform.marketplace.application.Installations;
import io.caravan.platform.tenancy.domain.StoreRole;
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

/** A store's own view of its plugins: what is installed, and how its calls to them go. */
@Path("/stores/{store}/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store")
public class StorePluginsResource {
    @Inject
    Installations installations;

    @Inject
    PluginHost host;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    @GET
    @Operation(summary = "The store's plugin installations")
    public List<InstallationView> list() {
        return installations.list(caller.store()).stream().map(InstallationView::of).toList();
    }

    @GET
    @Path("/{plugin}")
    @Operation(summary = "One of the store's installations")
    public InstallationView get(@PathParam("plugin") String plugin) {
        return InstallationView.of(installations.get(caller.store(), plugin));
    }

    @GET
    @Path("/metrics")
    @Operation(summary = "The store's plugin calls on this node: counts, failures by kind, latency")
    public List<MetricsSnapshot> metrics() {
        return host.invoker().metrics().forStore(caller.store().slug());
    }
}
