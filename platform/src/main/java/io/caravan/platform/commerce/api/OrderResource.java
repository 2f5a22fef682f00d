package io.caravan.platform.commerce.api;

import io.caravan.platform.commerce.application.InvalidFieldsException;
import io.caravan.platform.commerce.application.OrderActions;
import io.caravan.platform.commerce.application.OrderQueries;
import io.caravan.platform.commerce.application.PaymentOperations;
import io.caravan.platform.commerce.domain.StoreOrder;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merchant's orders: list with filters and paging, one order with payments and history. */
@Path("/stores/{store}/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {
    @Inject
    OrderQueries queries;

    @Inject
    RequestCaller caller;

    @Inject
    OrderActions actions;

    /** Body of a cancel. */
    public record CancelBody(String reason) {}

    /** Body of a capture: the amount in minor units, or none for all still capturable. */
    public record CaptureBody(Long amount) {}

    /** Body of a refund: the amount in minor units (none: all still refundable) and why. */
    public record RefundBody(Long amount, String reason) {}

    @PathParam("store")
    String store;

    @GET
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
    @Operation(
            summary = "The store's orders, newest first",
            description = "Filters: status, paymentStatus, fulfilmentStatus, email (exact), placedFrom/placedTo"
                    + " (ISO instants, to exclusive), awaitingConfirmation=true (cash on delivery to confirm)."
                    + " page is zero-based, size 1-200.")
    public OrderViews.OrderPage list(
            @QueryParam("status") String status,
            @QueryParam("paymentStatus") String paymentStatus,
            @QueryParam("fulfilmentStatus") String fulfilmentStatus,
            @QueryParam("email") String email,
            @QueryParam("placedFrom") String placedFrom,
            @QueryParam("placedTo") String placedTo,
            @QueryParam("awaitingConfirmation") Boolean awaitingConfirmation,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        OrderQueries.Filter filter = new OrderQueries.Filter(
                constant(errors, StoreOrder.Lifecycle.class, "status", status),
                constant(errors, StoreOrder.PaymentFacet.class, "paymentStatus", paymentStatus),
                constant(errors, StoreOrder.FulfilmentFacet.class, "fulfilmentStatus", fulfilmentStatus),
                email == null || email.isBlank() ? null : email.strip(),
                instant(errors, "placedFrom", placedFrom),
                instant(errors, "placedTo", placedTo),
                awaitingConfirmation);
        if (page < 0) {
            errors.add("page", "must be 0 or more");
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            errors.add("size", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
        errors.throwIfAny();
        return OrderViews.OrderPage.of(queries.list(caller.store().storeId(), filter, new PageRequest(page, size)));
    }

    @GET
    @Path("/{order}")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
    @Operation(summary = "One order with its price snapshot, payments, provider updates and history")
    public OrderViews.OrderDetailView order(@PathParam("order") String orderId) {
        return OrderViews.OrderDetailView.of(queries.detail(caller.store().storeId(), orderId));
    }

    @POST
    @Path("/{order}/confirm")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Confirm a cash-on-delivery order with the shopper (owner): it may go to the warehouse")
    public OrderViews.OrderSummary confirm(@PathParam("order") String orderId) {
        return OrderViews.OrderSummary.of(actions.confirm(caller.store(), orderId));
    }

    @POST
    @Path("/{order}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Cancel an order not yet shipped (owner)",
            description =
                    "Authorisations are voided and captured money refunded at the provider that took it; the"
                            + " stock is released. 409 while a payment is still being confirmed or a capture/refund is pending.")
    public OrderViews.OrderSummary cancel(@PathParam("order") String orderId, CancelBody body) {
        return OrderViews.OrderSummary.of(actions.cancel(caller.store(), orderId, body == null ? null : body.reason()));
    }

    @POST
    @Path("/{order}/capture")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Capture an authorised payment, all or part (owner)")
    public PaymentOperations.Result capture(@PathParam("order") String orderId, CaptureBody body) {
        return actions.capture(caller.store(), orderId, body == null ? null : body.amount());
    }

    @POST
    @Path("/{order}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Refund captured money, all or part, through the provider that took it (owner)")
    public PaymentOperations.Result refund(@PathParam("order") String orderId, RefundBody body) {
        return actions.refund(
                caller.store(), orderId, body == null ? null : body.amount(), body == null ? null : body.reason());
    }

    private static <E extends Enum<E>> E constant(
            InvalidFieldsException.Collector errors, Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static Instant instant(InvalidFieldsException.Collector errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an ISO 8601 instant such as 2026-12-01T00:00:00Z");
            return null;
        }
    }
}
