package io.caravan.platform.marketplace.api;

import io.caravan.platform.marketplace.application.Catalog;
import io.caravan.platform.tenancy.application.Access;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The marketplace catalog as a store's people browse it. */
@Path("/stores/{store}/catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store: marketplace")
public class StoreCatalogResource {
    @Inject
    Catalog catalog;

    @PathParam("store")
    String store;

    @GET
    @Operation(
            summary =
                    "Search the catalog: text, kind (TAX, PAYMENTS, …), supported country, highest price (minor units),"
                            + " lowest average rating (1 to 5, one decimal: rated listings whose shown average reaches it)")
    public List<CatalogEntryView> search(
            @QueryParam("q") String q,
            @QueryParam("kind") String kind,
            @QueryParam("country") String country,
            @QueryParam("maxPrice") Long maxPrice,
            @QueryParam("minRating") String minRating,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return catalog.search(q, kind, country, maxPrice, minRating, page, size).stream()
                .map(CatalogEntryView::of)
                .toList();
    }

    @GET
    @Path("/{slug}")
    @Operation(
            summary = "A listing's page: what it does and costs, its rating, the permissions and data it asks for, its"
                    + " configuration (its reviews: GET …/{slug}/reviews)")
    public CatalogEntryView get(@PathParam("slug") String slug) {
        return CatalogEntryView.of(catalog.get(slug));
    }
}
