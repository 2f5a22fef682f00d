package io.caravan.platform.events.api;

import io.caravan.platform.events.application.EventDeliveries;
import io.caravan.platform.events.domain.DeliveryStatus;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A store's order event deliveries: staff read them, the owner sends a dead one again. */
@Path("/stores/{store}/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store")
public class StoreEventsResource {
    @Inject
    EventDeliveries deliveries;

    @Inject
    RequestCaller caller;

    /** The store named in the path; the request gate has already admitted the caller to it. */
    @PathParam("store")
    String store;

    @GET
    @Operation(
            summary = "The store's order event deliveries, newest first",
            description = "One per (event, listening installation). status: PENDING, DELIVERED, SKIPPED or DEAD;"
                    + " orderId: one order's. A delivery's id is the eventId its listener received.")
    public DeliveryViews.PageView<DeliveryViews.StoreDeliveryView> list(
            @QueryParam("status") String status,
            @QueryParam("orderId") String orderId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        QueryParameters query = new QueryParameters();
        DeliveryStatus wanted = query.status(status);
        String order = query.orderId(orderId);
        PageRequest request = query.page(page, size);
        query.check();
        return DeliveryViews.PageView.of(
                deliveries.forStore(caller.store().storeId(), wanted, order, request),
                DeliveryViews.StoreDeliveryView::of);
    }

    @POST
    @Path("/deliveries/{delivery}/retry")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Send a dead delivery again (owner)",
            description = "Pending again, due now, with a fresh count of attempts; audited. 409 unless it is DEAD.")
    public DeliveryViews.StoreDeliveryView retry(@PathParam("delivery") String deliveryId) {
        return DeliveryViews.StoreDeliveryView.of(
                deliveries.retry(caller.store().storeId(), deliveryId, caller.actor()));
    }
}
