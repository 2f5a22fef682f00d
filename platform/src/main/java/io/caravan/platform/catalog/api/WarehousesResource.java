package io.caravan.platform.catalog.api;

import io.caravan.platform.catalog.application.WarehouseInput;
import io.caravan.platform.catalog.application.Warehouses;
import io.caravan.platform.catalog.domain.Warehouse;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** The store's warehouses: staff read them, the owner sets them up (costs and routing are the owner's call). */
@Path("/stores/{store}/warehouses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store: catalogue")
public class WarehousesResource {
    @Inject
    Warehouses warehouses;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    @GET
    @Operation(summary = "The store's warehouses, by priority")
    public List<CatalogViews.WarehouseView> list() {
        return warehouses.list(caller.store().storeId()).stream()
                .map(CatalogViews.WarehouseView::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Add a warehouse (owner): code, name, address, kind (ORIGIN_HUB, OVERSEAS, LOCAL, THIRD_PARTY),"
                    + " handling days, fulfilment cost per item, priority, the countries it serves (empty: all)")
    @APIResponse(responseCode = "201", description = "The warehouse, at Location")
    public Response create(WarehouseInput input, @Context UriInfo uri) {
        Warehouse created = warehouses.create(caller.store().storeId(), input);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.code()).build())
                .tag(Versions.tag(created.version()))
                .entity(CatalogViews.WarehouseView.of(created))
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One warehouse; its ETag is the version to send in If-Match")
    public Response get(@PathParam("code") String code) {
        Warehouse w = warehouses.get(caller.store().storeId(), code);
        return Response.ok(CatalogViews.WarehouseView.of(w))
                .tag(Versions.tag(w.version()))
                .build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Replace a warehouse (owner; the code stays); If-Match required")
    public Response update(
            @PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, WarehouseInput input) {
        long expected = Versions.ifMatch(ifMatch);
        Warehouse w = warehouses.update(caller.store().storeId(), code, expected, input);
        return Response.ok(CatalogViews.WarehouseView.of(w))
                .tag(Versions.tag(w.version()))
                .build();
    }
}
