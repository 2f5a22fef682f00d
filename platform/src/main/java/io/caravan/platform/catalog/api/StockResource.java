package io.caravan.platform.catalog.api;

import io.caravan.platform.catalog.application.AllocationSettings;
import io.caravan.platform.catalog.application.Stock;
import io.caravan.platform.catalog.application.StockRow;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stock per (SKU, warehouse) and the store's allocation rule. */
@Path("/stores/{store}/stock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store: catalogue")
public class StockResource {
    @Inject
    Stock stock;

    @Inject
    AllocationSettings settings;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    /** The units on hand to set. */
    public record SetStock(Long onHand) {}

    /** Units to add (positive) or remove (negative). */
    public record Adjustment(Long delta) {}

    /** The allocation rule: PRIORITY, CHEAPEST or FASTEST. */
    public record Settings(String allocationRule) {}

    @GET
    @Operation(summary = "Stock levels (on hand, reserved, available), optionally of one sku and/or warehouse")
    public List<StockRow> list(
            @QueryParam("sku") String sku,
            @QueryParam("warehouse") String warehouse,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("100") int size) {
        var request = ProductsResource.pageRequest(page, size);
        return stock.list(caller.store().storeId(), sku, warehouse, request.offset(), request.size());
    }

    @GET
    @Path("/settings")
    @Operation(summary = "The store's allocation rule")
    public Settings settings() {
        return new Settings(settings.rule(caller.store().storeId()).name());
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Set the allocation rule (owner): PRIORITY, CHEAPEST or FASTEST")
    public Settings setSettings(Settings body) {
        return new Settings(settings.setRule(caller.store().storeId(), body.allocationRule())
                .name());
    }

    @GET
    @Path("/{warehouse}/{sku}")
    @Operation(summary = "The stock of a SKU in a warehouse; ETag \"0\" when never set")
    public Response get(@PathParam("warehouse") String warehouse, @PathParam("sku") String sku) {
        StockRow row = stock.get(caller.store().storeId(), warehouse, sku);
        return Response.ok(row).tag(Versions.tag(row.version())).build();
    }

    @PUT
    @Path("/{warehouse}/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the units on hand (If-Match: the version read, \"0\" for a level never set)")
    public Response set(
            @PathParam("warehouse") String warehouse,
            @PathParam("sku") String sku,
            @HeaderParam("If-Match") String ifMatch,
            SetStock body) {
        long expected = Versions.ifMatch(ifMatch);
        StockRow row = stock.set(caller.store().storeId(), warehouse, sku, expected, body.onHand());
        return Response.ok(row).tag(Versions.tag(row.version())).build();
    }

    @POST
    @Path("/{warehouse}/{sku}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or remove units on hand (never below the reserved units)")
    public Response adjust(@PathParam("warehouse") String warehouse, @PathParam("sku") String sku, Adjustment body) {
        StockRow row = stock.adjust(caller.store().storeId(), warehouse, sku, body.delta());
        return Response.ok(row).tag(Versions.tag(row.version())).build();
    }
}
