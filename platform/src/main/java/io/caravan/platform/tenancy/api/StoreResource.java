package io.caravan.platform.tenancy.api;

import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.api.Views.ApiKeyView;
import io.caravan.platform.tenancy.api.Views.AuditEntryView;
import io.caravan.platform.tenancy.api.Views.CreatedApiKeyView;
import io.caravan.platform.tenancy.api.Views.MemberView;
import io.caravan.platform.tenancy.api.Views.PageView;
import io.caravan.platform.tenancy.api.Views.StoreView;
import io.caravan.platform.tenancy.api.Views.StorefrontView;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.application.StoreAdministration;
import io.caravan.platform.tenancy.application.StoreAdministration.CreatedApiKey;
import io.caravan.platform.tenancy.application.StoreStaff;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
import io.caravan.platform.tenancy.domain.StoreMembership;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A store, as its own people see it. The store comes from the path; {@link Access} makes sure the
 * caller belongs to it before any method runs, and every method acts only on that store.
 */
@Path("/stores/{store}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Store")
public class StoreResource {
    @Inject
    StoreAdministration administration;

    @Inject
    StoreStaff staff;

    @Inject
    RequestCaller caller;

    /** Declares {store} for JAX-RS and the OpenAPI document; {@link Access} resolves and checks it. */
    @PathParam("store")
    String store;

    @GET
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
    @Operation(summary = "The store's settings and status")
    public StoreView store() {
        return StoreView.of(administration.store(caller.store()));
    }

    @PUT
    @Path("/settings")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Replace the store's settings (owner)")
    public StoreView updateSettings(StoreSettingsRequest request) {
        return StoreView.of(administration.updateSettings(
                caller.store(),
                request.name(),
                request.defaultCurrency(),
                request.sellingCountries(),
                request.priceDisplay()));
    }

    @GET
    @Path("/storefront")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.STOREFRONT_READ)
    @Operation(
            summary = "What the storefront needs to render prices",
            description = "Store API key with storefront:read, or a member's token.")
    public StorefrontView storefront() {
        return StorefrontView.of(administration.store(caller.store()));
    }

    @GET
    @Path("/members")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
    @Operation(summary = "The store's people and their roles")
    public List<MemberView> members() {
        return staff.members(caller.store()).stream().map(MemberView::of).toList();
    }

    @POST
    @Path("/members")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Invite a staff member (owner)",
            description = "Links an existing user with that e-mail or creates one; repeating it is harmless.")
    @APIResponse(responseCode = "201", description = "The member, at Location")
    public Response invite(InviteStaffRequest request, @Context UriInfo uri) {
        StoreMembership membership =
                staff.invite(caller.store(), request.email(), request.firstName(), request.lastName());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(membership.id()).build())
                .entity(MemberView.of(membership))
                .build();
    }

    @DELETE
    @Path("/members/{member}")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Remove a staff member (owner)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeMember(@PathParam("member") String memberId) {
        staff.remove(caller.store(), memberId);
        return Response.noContent().build();
    }

    @GET
    @Path("/api-keys")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "The store's API keys (owner); never their values")
    public List<ApiKeyView> apiKeys() {
        return administration.apiKeys(caller.store()).stream()
                .map(ApiKeyView::of)
                .toList();
    }

    @POST
    @Path("/api-keys")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Create an API key (owner)",
            description = "The response holds the key; it is shown only this once.")
    @APIResponse(responseCode = "201", description = "The key, shown this once")
    public Response createApiKey(CreateApiKeyRequest request, @Context UriInfo uri) {
        CreatedApiKey created = administration.createApiKey(caller.store(), request.name(), request.scopes());
        ApiKeyView view = ApiKeyView.of(created.key());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
                .header("Cache-Control", "no-store")
                .entity(new CreatedApiKeyView(view.id(), view.name(), view.prefix(), view.scopes(), created.secret()))
                .build();
    }

    @DELETE
    @Path("/api-keys/{key}")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Revoke an API key (owner)")
    public ApiKeyView revokeApiKey(@PathParam("key") String keyId) {
        return ApiKeyView.of(administration.revokeApiKey(caller.store(), keyId));
    }

    @GET
    @Path("/audit")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "The store's audit trail, newest first (owner)")
    public PageView<AuditEntryView> audit(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return PageView.of(administration.auditTrail(caller.store(), new PageRequest(page, size)), AuditEntryView::of);
    }
}
