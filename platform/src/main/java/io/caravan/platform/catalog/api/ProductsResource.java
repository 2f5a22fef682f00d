package io.caravan.platform.catalog.api;

import io.caravan.platform.catalog.application.CatalogImports;
import io.caravan.platform.catalog.application.CatalogProduct;
import io.caravan.platform.catalog.application.ProductFilter;
import io.caravan.platform.catalog.application.ProductInput;
import io.caravan.platform.catalog.application.Products;
import io.caravan.platform.catalog.domain.CatalogImport;
import io.caravan.platform.catalog.domain.ProductStatus;
import io.caravan.platform.shared.api.ProblemException;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.StoreRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The store's products (merchant API). Owner and staff edit the catalogue; only the owner
 * archives (there is no delete: orders name the SKUs). Changes need the version read
 * ({@code If-Match}: the ETag).
 */
@Path("/stores/{store}/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF)
@Tag(name = "Store: catalogue")
public class ProductsResource {
    @Inject
    Products products;

    @Inject
    CatalogImports imports;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    @GET
    @Operation(
            summary = "The store's products with their variants: q searches handle, title and SKU; status, category"
                    + " filter; page from 0, size up to 200")
    public CatalogViews.PageView<CatalogViews.ProductView> list(
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        ProductStatus parsed = null;
        if (status != null) {
            try {
                parsed = ProductStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status must be ACTIVE, DRAFT or ARCHIVED");
            }
        }
        Page<CatalogProduct> found = products.list(
                caller.store().storeId(), new ProductFilter(q, parsed, category), pageRequest(page, size));
        return new CatalogViews.PageView<>(
                found.items().stream().map(CatalogViews.ProductView::of).toList(),
                found.page(),
                found.size(),
                found.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a product with its variants (owner, staff); every bad field is named")
    @APIResponse(responseCode = "201", description = "The product, at Location")
    public Response create(ProductInput input, @Context UriInfo uri) {
        CatalogViews.ProductView view =
                CatalogViews.ProductView.of(products.create(caller.store().storeId(), input));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
                .tag(Versions.tag(view.version()))
                .entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One product; its ETag is the version to send in If-Match")
    public Response get(@PathParam("id") String id) {
        return answer(products.get(caller.store().storeId(), id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a product and its variants (owner, staff); If-Match required (428 without, 412 when"
                    + " stale); variants are matched by SKU, a dropped SKU must have no stock")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ProductInput input) {
        long expected = Versions.ifMatch(ifMatch);
        return answer(products.update(caller.store().storeId(), id, expected, input));
    }

    @POST
    @Path("/{id}/archive")
    @Access(value = Access.Audience.STORE, storeRole = StoreRole.OWNER)
    @Operation(summary = "Take a product off sale for good (owner); idempotent")
    public Response archive(@PathParam("id") String id) {
        return answer(products.archive(caller.store().storeId(), id));
    }

    @POST
    @Path("/imports")
    @Consumes({"text/csv", "application/csv"})
    @Operation(
            summary = "Import products from CSV (owner, staff): one row per variant, upsert by handle and SKU, whole"
                    + " file or nothing",
            description = "Header (exact names, any order): handle, title, sku and at least one price_<CUR> are"
                    + " required; description, categories (a|b), status, tax_category, option1_name, option1_value …"
                    + " option3_value, weight_g, length_mm, width_mm, height_mm, hs_code, origin, flags (A|B),"
                    + " stock_<warehouse code>. 201 with the report; 422 naming each bad row and column (nothing"
                    + " imported); 413 over 20 MiB or 50,000 rows.")
    @APIResponse(responseCode = "201", description = "The import applied, at Location")
    public Response importCsv(
            InputStream csv, @HeaderParam("Content-Length") @DefaultValue("-1") long length, @Context UriInfo uri) {
        CatalogImport done =
                imports.importCsv(caller.store().storeId(), caller.actor().name(), csv, length);
        return Response.created(uri.getAbsolutePathBuilder().path(done.id()).build())
                .entity(CatalogViews.ImportView.of(done))
                .build();
    }

    @GET
    @Path("/imports/{importId}")
    @Operation(summary = "An import: its status, rows read and valid, and its errors (row, column, message)")
    public CatalogViews.ImportView importReport(@PathParam("importId") String importId) {
        return CatalogViews.ImportView.of(imports.get(caller.store().storeId(), importId));
    }

    private static Response answer(CatalogProduct product) {
        CatalogViews.ProductView view = CatalogViews.ProductView.of(product);
        return Response.ok(view).tag(Versions.tag(view.version())).build();
    }

    /** Out of range: 400 naming the rule (PageRequest checks it). */
    static PageRequest pageRequest(int page, int size) {
        return new PageRequest(page, size);
    }
}
