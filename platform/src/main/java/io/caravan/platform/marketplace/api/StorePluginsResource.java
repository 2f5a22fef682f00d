package io.caravan.platform.marketplace.api;

import io.caravan.platform.host.application.MetricsSnapshot;
import io.caravan.platform.host.application.PluginHost;
import io.caravan.platform.marketplace.application.Installations;
import io.caravan.platform.marketplace.application.PluginHealthChecks;
import io.caravan.platform.marketplace.domain.InstallationHealth;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A store's plugins: staff read what is installed and how its calls go; the owner installs and manages. */
@Path("/stores/{store}/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store")
public class StorePluginsResource {
    /**
     * On an uninstall that left calls unanswered: which (e.g. "TAX_CALCULATOR for CH"), so the
     * merchant learns it from the answer itself.
     */
    public static final String UNANSWERED_HEADER = "Caravan-Unanswered";

    @Inject
    Installations installations;

    @Inject
    PluginHost host;

    @Inject
    RequestCaller caller;

    @Inject
    PluginHealthChecks healthChecks;

    @PathParam("store")
    String store;

    @GET
    @Operation(summary = "The store's plugin installations, each with its last health report")
    public List<InstallationView> list() {
        Map<String, InstallationHealth> reports = healthChecks.reports(caller.store());
        return installations.list(caller.store()).stream()
                .map(InstallationView::of)
                .map(view -> view.withHealth(reports.get(view.id())))
                .toList();
    }

    @GET
    @Path("/{plugin}")
    @Operation(summary = "One of the store's installations, with its last health report")
    public InstallationView get(@PathParam("plugin") String plugin) {
        return withHealth(InstallationView.of(installations.get(caller.store(), plugin)));
    }

    @POST
    @Path("/{plugin}/health")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Check the plugin's health now (owner)",
            description = "Answers the report of the installation as it is now, no older than a minute: the plugin's"
                    + " HEALTH extension is called at once unless it answered within the last minute and the"
                    + " installation has not changed since (plugins are promised at most one check a minute); a"
                    + " check already running is awaited. 409 when the installation is disabled.")
    @APIResponse(responseCode = "200", description = "The report")
    public InstallationView.HealthView checkHealth(@PathParam("plugin") String plugin) {
        return InstallationView.HealthView.of(healthChecks.checkNow(caller.store(), plugin));
    }

    private InstallationView withHealth(InstallationView view) {
        return view.withHealth(healthChecks.report(caller.store(), view.id()).orElse(null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Install a plugin from the catalog (owner), consenting to its permissions",
            description = "consent must list every host, event and data scope the version declares (the catalog page"
                    + " shows them); 409 otherwise, and for a suspended listing or an existing installation.")
    @APIResponse(responseCode = "201", description = "The installation, at Location")
    public Response install(MerchantInstallRequest request, @Context UriInfo uri) {
        InstallationView view = InstallationView.of(installations.install(
                        caller.store(),
                        request.pluginId(),
                        request.version(),
                        json(request.configuration()),
                        request.consentGiven()))
                .withHealth(null); // checked within a poll of the commit
        return Response.created(
                        uri.getAbsolutePathBuilder().path(view.pluginId()).build())
                .entity(view)
                .build();
    }

    @PUT
    @Path("/{plugin}/version")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Upgrade or downgrade (owner); consent again when the version asks for more permissions")
    public InstallationView changeVersion(@PathParam("plugin") String plugin, MerchantInstallRequest request) {
        return withHealth(InstallationView.of(installations.upgrade(
                caller.store(),
                plugin,
                request.version(),
                json(request.configuration()),
                request.consentGiven(),
                false)));
    }

    @POST
    @Path("/{plugin}/rollback")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Back to the previous version (owner)")
    public InstallationView rollBack(@PathParam("plugin") String plugin) {
        return withHealth(InstallationView.of(installations.rollBack(caller.store(), plugin)));
    }

    @PUT
    @Path("/{plugin}/configuration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Replace the configuration (owner); secret fields are write-only")
    public InstallationView configure(@PathParam("plugin") String plugin, ConfigureRequest request) {
        return withHealth(
                InstallationView.of(installations.configure(caller.store(), plugin, json(request.configuration()))));
    }

    @POST
    @Path("/{plugin}/enable")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Enable (owner)")
    public InstallationView enable(@PathParam("plugin") String plugin) {
        return withHealth(InstallationView.of(installations.enable(caller.store(), plugin)));
    }

    @POST
    @Path("/{plugin}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Disable, keeping the configuration (owner)")
    public InstallationView disable(@PathParam("plugin") String plugin, DisableRequest request) {
        return withHealth(InstallationView.of(
                installations.disable(caller.store(), plugin, request == null ? null : request.reason())));
    }

    @DELETE
    @Path("/{plugin}")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary =
                    "Uninstall (owner): the plugin's stored data is kept for the retention period, or deleted now with ?purgeData=true",
            description = "The calls it answered answer nobody until the merchant chooses (header Caravan-Unanswered"
                    + " names them; GET /api/stores/{store}/answering).")
    @APIResponse(responseCode = "204", description = "Uninstalled")
    public Response uninstall(
            @PathParam("plugin") String plugin,
            @jakarta.ws.rs.QueryParam("purgeData") @jakarta.ws.rs.DefaultValue("false") boolean purgeData) {
        List<String> unanswered = installations.uninstall(caller.store(), plugin, purgeData);
        Response.ResponseBuilder answer = Response.noContent();
        if (!unanswered.isEmpty()) {
            // the calls it answered now answer nobody until the merchant chooses (GET .../answering)
            answer.header(UNANSWERED_HEADER, String.join(", ", unanswered));
        }
        return answer.build();
    }

    private static String json(jakarta.json.JsonObject configuration) {
        return configuration == null ? null : configuration.toString();
    }

    @GET
    @Path("/metrics")
    @Operation(summary = "The store's plugin calls on this node: counts, failures by kind, latency")
    public List<MetricsSnapshot> metrics() {
        return host.storeMetrics(caller.store().slug());
    }
}
