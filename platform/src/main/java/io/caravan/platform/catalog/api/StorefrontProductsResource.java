package io.caravan.platform.catalog.api;

import io.caravan.platform.catalog.application.StorefrontCatalog;
import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.tenancy.application.Access;
import io.caravan.platform.tenancy.application.RequestCaller;
import io.caravan.platform.tenancy.domain.ApiKeyScope;
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

/**
 * The catalogue for the storefront, read with a store API key with {@code catalog:read} (or by the
 * store's people): active products only, each variant in stock or not.
 */
@Path("/stores/{store}/storefront/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Access.Audience.STORE, storeRole = StoreRole.STAFF, apiKeyScope = ApiKeyScope.CATALOG_READ)
@Tag(name = "Storefront")
public class StorefrontProductsResource {
    @Inject
    StorefrontCatalog catalog;

    @Inject
    RequestCaller caller;

    @PathParam("store")
    String store;

    @GET
    @Operation(summary = "Products on sale (catalog:read): q searches handle, title and SKU; category filters")
    public CatalogViews.PageView<CatalogViews.ShopperProduct> list(
            @QueryParam("q") String q,
            @QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page<StorefrontCatalog.ShopperProduct> found =
                catalog.list(caller.store().storeId(), q, category, ProductsResource.pageRequest(page, size));
        return new CatalogViews.PageView<>(
                found.items().stream().map(CatalogViews.ShopperProduct::of).toList(),
                found.page(),
                found.size(),
                found.total());
    }

    @GET
    @Path("/{handle}")
    @Operation(summary = "One product on sale, by handle (catalog:read)")
    public CatalogViews.ShopperProduct get(@PathParam("handle") String handle) {
        return CatalogViews.ShopperProduct.of(catalog.get(caller.store().storeId(), handle));
    }
}
