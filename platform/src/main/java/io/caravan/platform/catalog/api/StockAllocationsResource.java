package io.caravan.platform.catalog.api;

import io.caravan.platform.catalog.application.StockAllocator;
import io.caravan.platform.catalog.domain.AllocationPlan;
import io.caravan.platform.catalog.domain.AllocationRule;
import io.caravan.platform.catalog.domain.CatalogRules;
import io.caravan.platform.catalog.domain.Requested;
import io.caravan.platform.catalog.domain.Violations;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import io.caravan.sdk.model.CountryCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Where would this order ship from?": the allocation the checkout would make, reserving nothing. */
@Path("/stores/{store}/stock-allocations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store: catalogue")
public class StockAllocationsResource {
    /** Hard cap on the lines of one allocation request (a cart, not a catalogue). */
    static final int MAX_LINES = 500;

    @Inject
    StockAllocator allocator;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    public record Line(String sku, Long quantity) {}

    /** The destination country, the lines, and a rule (the store's when absent). */
    public record PlanRequest(String destination, List<Line> lines, String rule) {}

    @POST
    @Operation(summary = "Preview the allocation of lines to warehouses for a destination (reserves nothing)")
    public AllocationPlan plan(PlanRequest request) {
        Violations v = new Violations();
        if (CatalogRules.countryProblem(request.destination()) != null) {
            v.add("destination", CatalogRules.countryProblem(request.destination()));
        }
        AllocationRule rule = null;
        if (request.rule() != null) {
            try {
                rule = AllocationRule.valueOf(request.rule().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("rule", "must be PRIORITY, CHEAPEST or FASTEST");
            }
        }
        List<Requested> lines = new ArrayList<>();
        List<Line> given = request.lines() == null ? List.of() : request.lines();
        if (given.isEmpty() || given.size() > MAX_LINES) {
            v.add("lines", "needs 1 to " + MAX_LINES + " lines");
        }
        for (int i = 0; i < given.size() && i < MAX_LINES; i++) {
            Line l = given.get(i);
            if (l == null || l.sku() == null || l.sku().isBlank()) {
                v.add("lines[" + i + "].sku", "is required");
            }
            if (l == null || l.quantity() == null || l.quantity() < 1 || l.quantity() > CatalogRules.STOCK_MAX) {
                v.add("lines[" + i + "].quantity", "must be between 1 and " + CatalogRules.STOCK_MAX);
            }
            if (l != null && l.sku() != null && l.quantity() != null) {
                lines.add(new Requested(l.sku(), l.quantity()));
            }
        }
        v.throwIfAny();
        return allocator.allocate(caller.store().storeId(), lines, CountryCode.of(request.destination()), rule);
    }
}
