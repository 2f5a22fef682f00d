package io.caravan.platform.commerce.api;

import io.caravan.platform.commerce.application.CheckoutQuote;
import io.caravan.platform.commerce.application.CheckoutRequest;
import io.caravan.platform.commerce.application.Checkouts;
import io.caravan.platform.commerce.application.CommerceJson;
import io.caravan.platform.commerce.application.InvalidFieldsException;
import io.caravan.platform.commerce.application.OrderPlacement;
import io.caravan.platform.commerce.application.OrderWrites;
import io.caravan.platform.commerce.application.PaymentRouter;
import io.caravan.platform.commerce.domain.Checkout;
import io.caravan.platform.shared.api.Problem;
import io.caravan.platform.shared.domain.NotFoundException;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
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
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The storefront's checkout: open it with lines by SKU, the shopper and the address; choose
 * shipping per consignment and a payment method; place the order with an Idempotency-Key. Store
 * API key with {@code checkout:write}, or a member's token.
 */
@Path("/stores/{store}/checkouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Checkout")
public class CheckoutResource {
    @Inject
    Checkouts checkouts;

    @Inject
    OrderPlacement placement;

    @Inject
    OrderWrites writes;

    @Inject
    PaymentRouter router;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    /** A checkout and its quote. */
    public record CheckoutView(String id, String status, String orderId, Instant expiresAt, CheckoutQuote quote) {
        static CheckoutView of(Checkouts.Quoted q) {
            Checkout c = q.checkout();
            return new CheckoutView(c.id(), c.status(), c.orderId(), c.expiresAt(), q.quote());
        }
    }

    /** Body of the shipping choice: consignment id → option id. */
    public record ShippingChoices(Map<String, String> choices) {}

    /** Body of the payment method choice. */
    public record MethodChoice(String methodCode) {}

    /** Body of a session's completion: the token the provider's client component produced with the session. */
    public record SessionCompletion(String paymentToken) {}

    /** Body of a resume after the shopper acted (what the provider's redirect carried). */
    public record Resume(String paymentId, Map<String, String> parameters) {}

    /** Where an order's payment stands, for the storefront (no personal data). */
    public record OrderStatusView(
            String orderId,
            long number,
            String status,
            String paymentStatus,
            String fulfilmentStatus,
            String paymentId,
            String attempt,
            PaymentRouter.ActionView action,
            Instant expiresAt) {
        static OrderStatusView of(OrderWrites.State s) {
            return new OrderStatusView(
                    s.orderId(),
                    s.number(),
                    s.status().name(),
                    s.paymentStatus().name(),
                    s.fulfilmentStatus().name(),
                    s.paymentId(),
                    s.attempt().name(),
                    s.actionJson() == null ? null : CommerceJson.read(s.actionJson(), PaymentRouter.ActionView.class),
                    s.expiresAt());
        }
    }

    @POST
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(
            summary = "Open a checkout",
            description = "Lines by SKU and quantity (at most 250 lines, 1-9999 each); the platform prices them from"
                    + " the store's catalogue, allocates stock, asks every carrier plugin for options and every"
                    + " payments plugin for methods; tax once every consignment has shipping (the cheapest is"
                    + " chosen until the shopper chooses). Amounts in minor units of the store currency.")
    @APIResponse(responseCode = "201", description = "The checkout with its quote, at Location")
    public Response open(CheckoutRequest body, @Context UriInfo uri) {
        Checkouts.Quoted quoted = checkouts.open(caller.store(), required(body));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(quoted.checkout().id())
                        .build())
                .entity(CheckoutView.of(quoted))
                .build();
    }

    @GET
    @Path("/{checkout}")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(summary = "A checkout and its last quote")
    public CheckoutView get(@PathParam("checkout") String checkoutId) {
        return CheckoutView.of(checkouts.get(caller.store(), checkoutId));
    }

    @PUT
    @Path("/{checkout}")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(summary = "Replace the lines, shopper and address (choices that still apply are kept)")
    public CheckoutView replace(@PathParam("checkout") String checkoutId, CheckoutRequest body) {
        return CheckoutView.of(checkouts.replace(caller.store(), checkoutId, required(body)));
    }

    @PUT
    @Path("/{checkout}/shipping")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(summary = "Choose shipping: consignment id → option id, from the quote's options")
    public CheckoutView shipping(@PathParam("checkout") String checkoutId, ShippingChoices body) {
        if (body == null || body.choices() == null) {
            InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
            errors.add("choices", "is required: an object of consignment id → option id");
            errors.throwIfAny();
        }
        return CheckoutView.of(checkouts.chooseShipping(caller.store(), checkoutId, body.choices()));
    }

    @PUT
    @Path("/{checkout}/payment-method")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(summary = "Choose the payment method (a code from the quote's methods; its fee joins the totals)")
    public CheckoutView paymentMethod(@PathParam("checkout") String checkoutId, MethodChoice body) {
        return CheckoutView.of(
                checkouts.choosePaymentMethod(caller.store(), checkoutId, body == null ? null : body.methodCode()));
    }

    @POST
    @Path("/{checkout}/orders")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(
            summary = "Place the order (Idempotency-Key required)",
            description = "expectedTotal is the total the shopper accepted; 409 checkout-changed when it moved. The"
                    + " same key with the same body answers the same (kept 24 h); another body with the key: 422."
                    + " 201 with the payment's state and, when the shopper must act, the action; 402 when every"
                    + " provider declined (the order is cancelled, the checkout open again).")
    @APIResponse(responseCode = "201", description = "The order and its payment state")
    public Response place(
            @PathParam("checkout") String checkoutId,
            @HeaderParam("Idempotency-Key") String key,
            OrderPlacement.PlaceOrder body,
            @Context UriInfo uri) {
        OrderPlacement.Placement placed = placement.place(caller.store(), checkoutId, key, body);
        if (placed.status() == 402) {
            Problem problem = Problem.of(
                            CommerceProblems.PAYMENT_DECLINED,
                            placed.message() + " Order "
                                    + placed.orderId() + " was cancelled and its stock released; the checkout is open"
                                    + " again: choose another method or card and place again with a new Idempotency-Key.")
                    .withInstance(URI.create(uri.getRequestUri().getRawPath()));
            return Response.status(402)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new DeclinedProblem(problem, placed))
                    .build();
        }
        return Response.status(placed.status())
                .location(uri.getBaseUriBuilder()
                        .path("stores")
                        .path(store)
                        .path("checkouts")
                        .path(checkoutId)
                        .path("order")
                        .build())
                .entity(placed)
                .build();
    }

    @GET
    @Path("/{checkout}/order")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(
            summary = "Where the checkout's order and its payment stand (poll after an action or an unknown outcome)")
    public OrderStatusView order(@PathParam("checkout") String checkoutId) {
        Checkouts.Quoted quoted = checkouts.get(caller.store(), checkoutId);
        if (quoted.checkout().orderId() == null) {
            throw new NotFoundException("Checkout " + checkoutId + " has no order yet");
        }
        return OrderStatusView.of(
                writes.latest(caller.store().storeId(), quoted.checkout().orderId()));
    }

    @POST
    @Path("/{checkout}/order/resume")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(summary = "Continue the payment after the shopper acted (back from the provider's redirect)")
    public OrderStatusView resume(@PathParam("checkout") String checkoutId, Resume body) {
        Checkouts.Quoted quoted = checkouts.get(caller.store(), checkoutId);
        if (quoted.checkout().orderId() == null) {
            throw new NotFoundException("Checkout " + checkoutId + " has no order yet");
        }
        OrderWrites.State latest =
                writes.latest(caller.store().storeId(), quoted.checkout().orderId());
        Map<String, String> parameters = body == null || body.parameters() == null ? Map.of() : body.parameters();
        if (parameters.size() > 50) {
            InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
            errors.add("parameters", "at most 50 parameters");
            errors.throwIfAny();
        }
        return OrderStatusView.of(router.resume(caller.store().ref(), latest.paymentId(), parameters));
    }

    @POST
    @Path("/{checkout}/order/payment")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CHECKOUT_WRITE)
    @Operation(
            summary = "Complete a payment that waits on a provider session (action SESSION) with the token its"
                    + " client component produced; a repeat answers where the order stands")
    public OrderStatusView completeSession(@PathParam("checkout") String checkoutId, SessionCompletion body) {
        return OrderStatusView.of(
                placement.completeSession(caller.store(), checkoutId, body == null ? null : body.paymentToken()));
    }

    private static CheckoutRequest required(CheckoutRequest body) {
        if (body == null) {
            InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
            errors.add("body", "is required: shopper, shipTo and lines");
            errors.throwIfAny();
        }
        return body;
    }

    /** A 402 problem with what the storefront needs to go on. */
    public record DeclinedProblem(
            URI type,
            String title,
            int status,
            String detail,
            URI instance,
            String orderId,
            String declineCategory,
            String declineCode) {
        DeclinedProblem(Problem p, OrderPlacement.Placement placed) {
            this(
                    p.type(),
                    p.title(),
                    p.status(),
                    p.detail(),
                    p.instance(),
                    placed.orderId(),
                    placed.declineCategory(),
                    placed.declineCode());
        }
    }
}
