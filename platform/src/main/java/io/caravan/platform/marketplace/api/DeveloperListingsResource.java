package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.ArtifactStore;
import io.caravan.platform.marketplace.application.Listings;
import io.caravan.platform.marketplace.application.SymbolicNameTakenException;
import io.caravan.platform.marketplace.application.UploadQuotaExceededException;
import io.caravan.platform.shared.domain.InvalidInputException;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plugin developers manage their listings and upload versions. Another developer's listing is a 404. */
@Path("/developer/listings")
@RequestScoped
@Access(Access.Audience.PLUGIN_DEVELOPER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugin developer")
public class DeveloperListingsResource {
    @Inject
    Listings listings;

    @Inject
    RequestCaller caller;

    private final jakarta.json.bind.Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create();

    @GET
    @Operation(summary = "Your listings")
    public List<ListingView> mine() {
        return listings.mine(caller.user()).stream().map(ListingView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a listing; its slug is the plugin id your descriptor must carry")
    @APIResponse(responseCode = "201", description = "The listing, at Location")
    public Response create(ListingRequest request, @Context UriInfo uri) {
        ListingView view = ListingView.of(listings.create(caller.user(), request.slug(), request.details()));
        return Response.created(uri.getAbsolutePathBuilder().path(view.slug()).build())
                .entity(view)
                .build();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One of your listings")
    public ListingView get(@PathParam("slug") String slug) {
        return ListingView.of(listings.get(caller.user(), slug));
    }

    @PUT
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a listing (everything but its slug)")
    public ListingView update(@PathParam("slug") String slug, ListingRequest request) {
        return ListingView.of(listings.update(caller.user(), slug, request.details()));
    }

    @GET
    @Path("/{slug}/versions")
    @Operation(summary = "The listing's versions with their state and check reports")
    public List<VersionView> versions(@PathParam("slug") String slug) {
        return listings.versions(caller.user(), slug).stream()
                .map(VersionView::of)
                .toList();
    }

    @GET
    @Path("/{slug}/versions/{version}")
    @Operation(summary = "One version and its check report")
    public VersionView version(@PathParam("slug") String slug, @PathParam("version") String version) {
        return VersionView.of(listings.version(caller.user(), slug, version));
    }

    @POST
    @Path("/{slug}/versions")
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            summary = "Upload a version (the bundle jar as the request body)",
            description =
                    "The bundle is checked at once: 201 with the report when it passed, 422 with the report when it"
                            + " failed (stored as rejected, never installable), 409 when the version number exists"
                            + " or the Bundle-SymbolicName is another plugin's, 429 (Retry-After) over the developer's"
                            + " uploads per hour, 413 over the developer's stored bytes.")
    @APIResponse(responseCode = "201", description = "The version and its report, at Location")
    public Response upload(@PathParam("slug") String slug, InputStream body, @Context UriInfo uri) {
        byte[] bundle = read(body);
        Listings.Upload upload;
        try {
            upload = listings.upload(caller.user(), slug, bundle);
        } catch (SymbolicNameTakenException taken) {
            return problem(
                    409,
                    "symbolic-name-taken",
                    "Bundle-SymbolicName taken",
                    taken.getMessage(),
                    "errors",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("field", SymbolicNameTakenException.FIELD)
                                    .add("message", "is the symbolic name of another plugin: " + taken.symbolicName()))
                            .build());
        } catch (UploadQuotaExceededException over) {
            return quota(over);
        }
        JsonObject report;
        try (var reader = Json.createReader(new StringReader(upload.reportJson()))) {
            report = reader.readObject();
        }
        if (upload.release().isEmpty()) {
            return problem(
                    409,
                    "conflict",
                    "Conflict",
                    "Not recorded: the bundle names no readable version, or a version of "
                            + slug
                            + " whose bytes are fixed for good (approved, first-party or a development build): upload a new"
                            + " version number.",
                    "report",
                    report);
        }
        VersionView view = VersionView.of(upload.release().get());
        if (!upload.report().passed()) {
            String failures = upload.report().failures().stream()
                    .limit(3)
                    .map(c -> c.rule() + ": " + c.message())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
            return problem(
                    422,
                    "upload-rejected",
                    "Upload rejected by the automated checks",
                    "Version " + view.version() + " is stored as rejected and can never be installed. " + failures,
                    "version",
                    Json.createReader(new StringReader(jsonb.toJson(view))).readObject());
        }
        return Response.status(201)
                .location(uri.getAbsolutePathBuilder().path(view.version()).build())
                .entity(view)
                .build();
    }

    /** 429 with Retry-After (seconds) for the upload rate, 413 for the stored bytes; names the quota's property. */
    private static Response quota(UploadQuotaExceededException over) {
        boolean rate = over.quota() == UploadQuotaExceededException.Quota.RATE;
        Response problem = problem(
                rate ? 429 : 413,
                rate ? "upload-rate-exceeded" : "upload-storage-exceeded",
                rate ? "Too many uploads" : "Upload storage quota exceeded",
                over.getMessage(),
                "quota",
                Json.createValue(
                        rate ? "caravan.uploads.per-developer.per-hour" : "caravan.uploads.per-developer.max-bytes"));
        if (!rate) {
            return problem;
        }
        long seconds = Math.max(1, (over.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(problem).header("Retry-After", seconds).build();
    }

    /** An RFC 9457 problem with one extension member (the check report, the rejected version, the errors). */
    private static Response problem(
            int status, String type, String title, String detail, String member, jakarta.json.JsonValue value) {
        return Response.status(status)
                .type(io.caravan.platform.shared.api.Problem.MEDIA_TYPE)
                .entity(Json.createObjectBuilder()
                        .add(
                                "type",
                                io.caravan.platform.shared.api.Problem.typeUri(type)
                                        .toString())
                        .add("title", title)
                        .add("status", status)
                        .add("detail", detail)
                        .add(member, value)
                        .build()
                        .toString())
                .build();
    }

    @POST
    @Path("/{slug}/versions/{version}/submit")
    @Operation(summary = "Submit a version that passed the checks for review")
    public VersionView submit(@PathParam("slug") String slug, @PathParam("version") String version) {
        return VersionView.of(listings.submit(caller.user(), slug, version));
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            throw new InvalidInputException("send the bundle jar as the request body");
        }
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes((int) ArtifactStore.MAX_BUNDLE_BYTES + 1);
            if (bytes.length > ArtifactStore.MAX_BUNDLE_BYTES) {
                throw new InvalidInputException(
                        "the bundle is larger than " + ArtifactStore.MAX_BUNDLE_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                throw new InvalidInputException("send the bundle jar as the request body");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }
}
