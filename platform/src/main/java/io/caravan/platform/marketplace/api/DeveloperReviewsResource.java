package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.ListingReviews;
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

/** The rating and reviews of a developer's own listing (another developer's listing is a 404). */
@Path("/developer/listings/{slug}/reviews")
@RequestScoped
@Access(Access.Audience.PLUGIN_DEVELOPER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugin developer")
public class DeveloperReviewsResource {
    @Inject
    ListingReviews reviews;

    @Inject
    RequestCaller caller;

    @GET
    @Operation(summary = "Your listing's rating and reviews, newest first (reviews do not name their store)")
    public ReviewViews.ReviewsView list(
            @PathParam("slug") String slug,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return ReviewViews.ReviewsView.of(
                slug,
                reviews.forDeveloper(caller.user(), slug, new PageRequest(page, size)),
                ReviewViews.ReviewView::forDeveloper);
    }
}
