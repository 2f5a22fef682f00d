package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.Moderation;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform admins review submitted versions, yank bad ones from every store, suspend listings. */
@Path("/admin/marketplace")
@RequestScoped
@Access(Access.Audience.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platform admin: marketplace")
public class AdminReviewsResource {
    @Inject
    Moderation reviews;

    @Inject
    RequestCaller caller;

    /** Why (shown to the developer, and to merchants for a yank). */
    public record Reason(@Size(max = 500) String reason) {}

    public record YankView(VersionView version, int storesMoved, int storesDisabled, long millis) {}

    @GET
    @Path("/reviews")
    @Operation(summary = "The review queue: versions submitted and waiting, oldest first")
    public List<VersionView> queue() {
        return reviews.queue().stream().map(VersionView::of).toList();
    }

    @POST
    @Path("/versions/{id}/approve")
    @Operation(summary = "Approve a submitted version: it becomes installable")
    public VersionView approve(@PathParam("id") String id) {
        return VersionView.of(reviews.approve(caller.actor(), id));
    }

    @POST
    @Path("/versions/{id}/certify")
    @Operation(
            summary = "Certify a version in review or approved: it may run in the platform's JVM",
            description = "Uncertified versions run only in sandbox worker processes. Certify only code you have"
                    + " reviewed: a certified plugin runs on the caller's thread with access to the JVM.")
    public VersionView certify(@PathParam("id") String id) {
        return VersionView.of(reviews.certify(caller.actor(), id));
    }

    @POST
    @Path("/versions/{id}/decertify")
    @Operation(summary = "Withdraw a version's certification: it runs in sandbox workers from its next call on")
    public VersionView decertify(@PathParam("id") String id) {
        return VersionView.of(reviews.decertify(caller.actor(), id));
    }

    @POST
    @Path("/versions/{id}/decline")
    @Operation(summary = "Decline a submitted version, with the reason the developer will read")
    public VersionView decline(@PathParam("id") String id, Reason reason) {
        return VersionView.of(reviews.decline(caller.actor(), id, reason == null ? null : reason.reason()));
    }

    @POST
    @Path("/versions/{id}/yank")
    @Operation(
            summary = "Yank an approved version from every store",
            description =
                    "Every store running it goes back to its previous approved version, or has the plugin disabled"
                            + " with the reason; each store's audit trail records it; every node applies it within a second.")
    public YankView yank(@PathParam("id") String id, Reason reason) {
        Moderation.YankResult result = reviews.yank(caller.actor(), id, reason == null ? null : reason.reason());
        return new YankView(
                VersionView.of(result.release()), result.storesMoved(), result.storesDisabled(), result.millis());
    }

    @POST
    @Path("/listings/{slug}/suspend")
    @Operation(summary = "Suspend a listing: no new installs; running installations continue")
    public ListingView suspend(@PathParam("slug") String slug, Reason reason) {
        return ListingView.of(reviews.suspend(slug, reason == null ? null : reason.reason()));
    }

    @POST
    @Path("/listings/{slug}/reinstate")
    @Operation(summary = "Lift a listing's suspension")
    public ListingView reinstate(@PathParam("slug") String slug) {
        return ListingView.of(reviews.reinstate(slug));
    }
}
