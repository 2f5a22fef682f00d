package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.ListingReviews;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The store's own rating and review of a plugin: one per store per listing, and only the store's
 * own (there is no path to another store's review). The list lives in {@link StoreReviewsResource}:
 * a separate root resource because JAX-RS matches one root class per request, and a class rooted at
 * {@code /catalog/{slug}} would shadow the catalog page itself.
 */
@Path("/stores/{store}/catalog/{slug}/review")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store: marketplace")
public class StoreReviewResource {
    @Inject
    ListingReviews reviews;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    @PathParam("slug")
    String slug;

    @GET
    @Operation(summary = "The store's own review of the plugin (404 when it has none)")
    public ReviewViews.OwnReviewView get() {
        ListingReviews.Written own = reviews.own(caller.store(), slug);
        return ReviewViews.OwnReviewView.of(own.review(), own.rating());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(
            summary = "Rate and review the plugin (owner; one review per store, the store must have it installed)",
            description = "stars 1 to 5, title up to 120 characters, body up to 2000. 201 for the store's first review,"
                    + " 200 when it replaces it; 409 when the store does not have the plugin installed.")
    @APIResponse(responseCode = "201", description = "The review was written")
    @APIResponse(responseCode = "200", description = "The review was replaced")
    public Response put(ReviewRequest request, @Context UriInfo uri) {
        ListingReviews.Written written =
                reviews.write(caller.store(), slug, request.stars(), request.title(), request.body());
        ReviewViews.OwnReviewView view = ReviewViews.OwnReviewView.of(written.review(), written.rating());
        return written.created()
                ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Withdraw the store's review (owner); the plugin's rating no longer counts it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete() {
        reviews.delete(caller.store(), slug);
        return Response.noContent().build();
    }
}
