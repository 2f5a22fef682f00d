package io.caravan.platform.tenancy.api;

import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.api.Views.AuditEntryView;
import io.caravan.platform.tenancy.api.Views.PageView;
import io.caravan.platform.tenancy.api.Views.StoreView;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.OnboardStoreCommand;
import io.caravan.platform.tenancy.application.OnboardingResult;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.application.StoreLifecycle;
import io.caravan.platform.tenancy.application.StoreOnboarding;
import io.caravan.platform.tenancy.domain.StoreStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform admins onboard and look after stores. */
@Path("/admin/stores")
@RequestScoped
@Access(Access.Audience.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platform admin: stores")
public class AdminStoresResource {
    @Inject
    StoreOnboarding onboarding;

    @Inject
    StoreLifecycle lifecycle;

    @Inject
    RequestCaller caller;

    @POST
    @Operation(
            summary = "Onboard a store",
            description = "Creates the store, its Keycloak organization (alias = slug), the owner (or links an "
                    + "existing user with that e-mail) and the owner's membership. Repeating an identical request "
                    + "answers 200 with the existing store; a different store under the same slug is a 409. If any "
                    + "step fails nothing is left behind; 503 when Keycloak is unreachable.")
    @APIResponse(responseCode = "201", description = "The store was onboarded")
    @APIResponse(responseCode = "200", description = "The same onboarding again: the store as it is")
    public Response onboard(OnboardStoreRequest request, @Context UriInfo uri) {
        OnboardingResult result = onboarding.onboard(
                new OnboardStoreCommand(
                        request.slug(),
                        request.name(),
                        request.owner().email(),
                        request.owner().firstName(),
                        request.owner().lastName(),
                        request.defaultCurrency(),
                        request.sellingCountries(),
                        request.priceDisplay()),
                caller.actor());
        StoreView view = StoreView.of(result.store());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.slug()).build())
                .entity(view)
                .build();
    }

    @GET
    @Operation(
            summary = "List stores",
            description = "Sorted by slug; filter by status and by text in slug, name or owner e-mail.")
    public PageView<StoreView> list(
            @QueryParam("status") StoreStatus status,
            @QueryParam("q") String text,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return PageView.of(lifecycle.list(status, text, new PageRequest(page, size)), StoreView::of);
    }

    @GET
    @Path("/{store}")
    @Operation(summary = "One store")
    public StoreView get(@PathParam("store") String slug) {
        return StoreView.of(lifecycle.find(slug));
    }

    @POST
    @Path("/{store}/suspend")
    @Operation(
            summary = "Suspend a store",
            description = "Its merchants and storefront are refused until it is reactivated; data is kept.")
    public StoreView suspend(@PathParam("store") String slug, SuspendStoreRequest request) {
        return StoreView.of(lifecycle.suspend(slug, request.reason().strip(), caller.actor()));
    }

    @POST
    @Path("/{store}/reactivate")
    @Operation(summary = "Reactivate a suspended store")
    public StoreView reactivate(@PathParam("store") String slug) {
        return StoreView.of(lifecycle.reactivate(slug, caller.actor()));
    }

    @GET
    @Path("/{store}/audit")
    @Operation(summary = "A store's audit trail, newest first")
    public PageView<AuditEntryView> audit(
            @PathParam("store") String slug,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return PageView.of(lifecycle.auditTrail(slug, new PageRequest(page, size)), AuditEntryView::of);
    }
}
