package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.AnsweringOverview;
import io.caravan.platform.marketplace.application.AnsweringRules;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which installation answers each of a store's extension points: staff read, the owner sets the
 * rules. Store API keys are refused (this is the merchant's decision, not the storefront's).
 */
@Path("/stores/{store}/answering")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store")
public class StoreAnsweringResource {
    @Inject
    AnsweringRules answering;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    @GET
    @Operation(summary = "Who answers each extension point the store's plugins provide: rules, candidates, in words")
    public AnsweringOverview overview() {
        return answering.overview(caller.store());
    }

    @PUT
    @Path("/{point}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Replace the store's rules for one extension point (owner)",
            description = "Single-answer points (TAX_CALCULATOR, MEMBERSHIP_*, AFFILIATE_*, RETURN_*): rules of"
                    + " {countries, installationId}; the first rule naming the destination answers, else the rule"
                    + " without countries (the default). Payments and carriers: rules of {countries, currencies,"
                    + " methodCodes, minAmountMinor (inclusive), maxAmountMinor (exclusive), installationIds in"
                    + " priority}; the first matching rule's list is exhaustive, no matching rule means every provider"
                    + " in install order. At most 100 rules. 422 naming every bad field (an installation that is not"
                    + " this store's, disabled or not providing the point; bad codes; a bad band; a second default);"
                    + " nothing changes then.")
    public AnsweringOverview.PointView replace(@PathParam("point") String point, AnsweringRulesRequest request) {
        return answering.replace(caller.store(), point, request.inputs());
    }
}
