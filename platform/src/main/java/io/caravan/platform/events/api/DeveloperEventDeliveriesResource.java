package io.caravan.platform.events.api;

import io.caravan.platform.events.application.EventDeliveries;
import io.caravan.platform.events.domain.DeliveryStatus;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Order event deliveries to the developer's own plugin, in every store that runs it: which store,
 * which event type and sequence, the delivery's state and last error — no order content. Retrying
 * is the merchant's (the store's data is theirs).
 */
@Path("/developer/listings/{slug}/event-deliveries")
@RequestScoped
@Access(Access.Audience.PLUGIN_DEVELOPER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugin developer")
public class DeveloperEventDeliveriesResource {
    @Inject
    EventDeliveries deliveries;

    @Inject
    RequestCaller caller;

    @GET
    @Operation(
            summary = "Order event deliveries to your plugin, newest first",
            description = "status: PENDING, DELIVERED, SKIPPED or DEAD (e.g. DEAD for what needs a fix). A"
                    + " delivery's id is the eventId your listener received.")
    public DeliveryViews.PageView<DeliveryViews.DeveloperDeliveryView> list(
            @PathParam("slug") String slug,
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        QueryParameters query = new QueryParameters();
        DeliveryStatus wanted = query.status(status);
        PageRequest request = query.page(page, size);
        query.check();
        return DeliveryViews.PageView.of(
                deliveries.forDeveloper(caller.user(), slug, wanted, request), DeliveryViews.DeveloperDeliveryView::of);
    }
}
