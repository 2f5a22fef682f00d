package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.ListingReviews;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
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

/** A plugin's reviews as a store's people read them on its catalog page (the store's own marked). */
@Path("/stores/{store}/catalog/{slug}/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store: marketplace")
public class StoreReviewsResource {
    @Inject
    ListingReviews reviews;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    @PathParam("slug")
    String slug;

    @GET
    @Operation(
            summary = "The plugin's rating and reviews, newest first",
            description = "Reviews are anonymous: stars, title, text and dates. Only the store's own review is marked"
                    + " (mine) and carries its author.")
    public ReviewViews.ReviewsView list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return ReviewViews.ReviewsView.of(
                slug,
                reviews.forStore(caller.store(), slug, new PageRequest(page, size)),
                ReviewViews.ReviewView::forStore);
    }
}
