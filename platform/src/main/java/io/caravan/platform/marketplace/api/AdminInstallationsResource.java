package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.Installations;
import io.caravan.platform.shared.api.ProblemException;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.application.StoreAccess;
import io.caravan.platform.tenancy.application.StoreContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Platform admins install and manage a store's plugins. Every change takes effect on the store's
 * next call, on the running node, with no restart and no effect on other stores. (Merchants get
 * the same operations with consent and billing in the marketplace; they share this model.)
 */
@Path("/admin/stores/{store}/plugins")
@RequestScoped
@Access(Access.Audience.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platform admin: store plugins")
public class AdminInstallationsResource {
    @Inject
    Installations installations;

    @Inject
    StoreAccess stores;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    private StoreContext target() {
        return stores.asPlatform(store, caller.actor())
                .orElseThrow(() -> ProblemException.notFound("No store '" + store + "'."));
    }

    @Inject
    io.caravan.platform.marketplace.application.PluginHealthChecks healthChecks;

    private InstallationView withHealth(InstallationView view) {
        return view.withHealth(healthChecks.report(target(), view.id()).orElse(null));
    }

    @GET
    @Operation(summary = "The store's plugin installations")
    public List<InstallationView> list() {
        var reports = healthChecks.reports(target());
        return installations.list(target()).stream()
                .map(InstallationView::of)
                .map(view -> view.withHealth(reports.get(view.id())))
                .toList();
    }

    @POST
    @Operation(
            summary = "Install a plugin for the store",
            description = "The configuration is validated against the plugin's JSON Schema; 409 if already installed.")
    @APIResponse(responseCode = "201", description = "The installation, at Location")
    public Response install(InstallRequest request, @Context UriInfo uri) {
        InstallationView view = InstallationView.of(installations.install(
                        target(), request.pluginId(), request.version(), json(request.configuration())))
                .withHealth(null);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(view.pluginId()).build())
                .entity(view)
                .build();
    }

    @GET
    @Path("/{plugin}")
    @Operation(summary = "One installation")
    public InstallationView get(@PathParam("plugin") String plugin) {
        return withHealth(InstallationView.of(installations.get(target(), plugin)));
    }

    @PUT
    @Path("/{plugin}/version")
    @Operation(
            summary = "Upgrade (or downgrade) the store to another version of the plugin",
            description = "The current version becomes the rollback target.")
    public InstallationView changeVersion(@PathParam("plugin") String plugin, ChangeVersionRequest request) {
        return withHealth(InstallationView.of(
                installations.upgrade(target(), plugin, request.version(), json(request.configuration()))));
    }

    @POST
    @Path("/{plugin}/rollback")
    @Operation(summary = "Back to the version the store ran before the last change")
    public InstallationView rollBack(@PathParam("plugin") String plugin) {
        return withHealth(InstallationView.of(installations.rollBack(target(), plugin)));
    }

    @PUT
    @Path("/{plugin}/configuration")
    @Operation(summary = "Replace the store's configuration of the plugin")
    public InstallationView configure(@PathParam("plugin") String plugin, ConfigureRequest request) {
        return withHealth(
                InstallationView.of(installations.configure(target(), plugin, json(request.configuration()))));
    }

    @POST
    @Path("/{plugin}/enable")
    @Operation(summary = "Let the plugin take the store's calls again")
    public InstallationView enable(@PathParam("plugin") String plugin) {
        return withHealth(InstallationView.of(installations.enable(target(), plugin)));
    }

    @POST
    @Path("/{plugin}/disable")
    @Operation(summary = "Stop the store's calls reaching the plugin, keeping its configuration")
    public InstallationView disable(@PathParam("plugin") String plugin, DisableRequest request) {
        return withHealth(InstallationView.of(
                installations.disable(target(), plugin, request == null ? null : request.reason())));
    }

    @DELETE
    @Path("/{plugin}")
    @Operation(
            summary =
                    "Uninstall the plugin from the store; ?purgeData=true deletes its stored data now instead of after the retention period")
    public Response uninstall(
            @PathParam("plugin") String plugin,
            @jakarta.ws.rs.QueryParam("purgeData") @jakarta.ws.rs.DefaultValue("false") boolean purgeData) {
        List<String> unanswered = installations.uninstall(target(), plugin, purgeData);
        Response.ResponseBuilder answer = Response.noContent();
        if (!unanswered.isEmpty()) {
            // the calls it answered now answer nobody until the merchant chooses (GET .../answering)
            answer.header(StorePluginsResource.UNANSWERED_HEADER, String.join(", ", unanswered));
        }
        return answer.build();
    }

    private static String json(JsonObject configuration) {
        return configuration == null ? null : configuration.toString();
    }
}
