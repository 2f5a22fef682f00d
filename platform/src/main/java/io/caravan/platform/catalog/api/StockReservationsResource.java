package io.caravan.platform.catalog.api;

import io.caravan.platform.catalog.application.ManualReservations;
import io.caravan.platform.catalog.application.StockReservations;
import io.caravan.platform.catalog.domain.AllocationLine;
import io.caravan.platform.catalog.domain.InvalidCatalogInputException;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stock reservations: every hold of the store (checkouts', orders', the merchant's), and the
 * merchant's own holds (holder {@code manual:<name>}), which expire like a checkout's.
 */
@Path("/stores/{store}/stock-reservations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store: catalogue")
public class StockReservationsResource {
    @Inject
    StockReservations reservations;

    @Inject
    ManualReservations manual;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    /** A line to hold. */
    public record LineInput(String warehouse, String sku, Long quantity) {}

    /** A merchant's hold: a name, the lines, and until when (ISO-8601 instant). */
    public record HoldInput(String name, List<LineInput> lines, String expiresAt) {}

    @GET
    @Operation(summary = "The store's reservation lines, newest first (up to limit, 500 at most)")
    public List<StockReservations.Held> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return reservations.all(caller.store().storeId(), Math.max(1, Math.min(limit, 500)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Hold stock by hand (owner, staff) until expiresAt: all lines or none (409 naming each short"
                    + " SKU)")
    @APIResponse(responseCode = "201", description = "The reservation")
    public Response hold(HoldInput input) {
        List<AllocationLine> lines = new ArrayList<>();
        List<LineInput> given = input.lines() == null ? List.of() : input.lines();
        List<io.caravan.platform.catalog.domain.FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            LineInput l = given.get(i);
            if (l == null || l.quantity() == null) {
                violations.add(new io.caravan.platform.catalog.domain.FieldViolation(
                        "lines[" + i + "].quantity", "is required"));
                continue;
            }
            lines.add(new AllocationLine(l.warehouse(), l.sku(), l.quantity()));
        }
        Instant until = null;
        if (input.expiresAt() == null) {
            violations.add(new io.caravan.platform.catalog.domain.FieldViolation(
                    "expiresAt", "is required (an ISO-8601 instant)"));
        } else {
            try {
                until = Instant.parse(input.expiresAt());
            } catch (DateTimeParseException e) {
                violations.add(new io.caravan.platform.catalog.domain.FieldViolation(
                        "expiresAt", "must be an ISO-8601 instant such as 2026-12-24T18:00:00Z"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidCatalogInputException(violations);
        }
        return Response.status(Response.Status.CREATED)
                .entity(manual.hold(caller.store().storeId(), input.name(), lines, until))
                .build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Release a hand-placed hold (owner, staff); the lines it released")
    public Map<String, Integer> release(@PathParam("name") String name) {
        return Map.of("released", manual.release(caller.store().storeId(), name));
    }
}
