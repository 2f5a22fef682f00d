package io.caravan.platform.it.matrix;

import static io.caravan.platform.it.matrix.Entry.Role.OWNER;
import static io.caravan.platform.it.matrix.Entry.Role.STAFF;

import io.caravan.platform.it.support.Carts;
import io.caravan.platform.it.support.Marketplace;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Every operation of the API with its expected status per caller. The control callers run in
 * this order after every other caller has been refused, so the writes are ordered to succeed one
 * after another (install before upgrade, the review before uninstalling, …).
 *
 * <p>Path parameters: {@code {store}} is the target store (the suspended store for its own owner
 * and key; the spare store on /api/admin/stores/…), {@code {plugin}} and {@code {slug}} dev's
 * listing installed there, {@code {member}} a staff member, {@code {key}} an API key,
 * {@code {version}} 1.0.0 — unless an entry says otherwise.
 */
public final class EndpointTable {
    private EndpointTable() {}

    private static final String NO_ORDER = "ord_00000000000000000000000000000000";
    private static final String NO_CHECKOUT = "chk_00000000000000000000000000000000";
    private static final String CHECKOUT = Json.createObjectBuilder()
            .add(
                    "shopper",
                    Json.createObjectBuilder()
                            .add("email", "matrix@example.com")
                            .add("country", "DE"))
            .add(
                    "shipTo",
                    Json.createObjectBuilder()
                            .add("name", "Matrix")
                            .add("lines", Json.createArrayBuilder().add("Hauptstr. 1"))
                            .add("city", "Berlin")
                            .add("postalCode", "10115")
                            .add("country", "DE"))
            .add(
                    "lines",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder()
                                    .add("sku", "NO-SUCH-SKU")
                                    .add("quantity", 1)))
            .build()
            .toString();

    public static final List<Entry> ENTRIES = List.of(
            // --- a store's people: reads
            Entry.store("GET", "/api/stores/{store}", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/storefront", STAFF, Entry.Scope.STOREFRONT_READ, 200),
            Entry.store("GET", "/api/stores/{store}/members", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/api-keys", OWNER, 200),
            Entry.store("GET", "/api/stores/{store}/audit", OWNER, 200),
            Entry.store("GET", "/api/stores/{store}/charges", OWNER, 200),
            Entry.store("GET", "/api/stores/{store}/catalog", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/catalog/{slug}", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/catalog/{slug}/reviews", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/catalog/{slug}/review", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/plugins", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/plugins/{plugin}", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/plugins/metrics", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/answering", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/events", STAFF, 200),
            Entry.store("POST", "/api/stores/{store}/tax/quote", STAFF, Entry.Scope.TAX_QUOTE, 200)
                    .body(f -> Carts.mugs("DE").toString()),
            // --- the store's catalogue and stock (writes of owner and staff unless OWNER; changes of a
            //     versioned resource without If-Match are 428 for the control, the matrix sends none)
            Entry.store("GET", "/api/stores/{store}/products", STAFF, 200),
            Entry.store("POST", "/api/stores/{store}/products", STAFF, 201)
                    .body(f -> CatalogMatrix.newProduct())
                    .controlBody(f -> CatalogMatrix.newProductOfOwner()),
            Entry.store("GET", "/api/stores/{store}/products/{id}", STAFF, 200).param("id", CatalogMatrix::productId),
            Entry.store("PUT", "/api/stores/{store}/products/{id}", STAFF, 428)
                    .param("id", CatalogMatrix::productId)
                    .body(f -> CatalogMatrix.newProduct()),
            Entry.store("POST", "/api/stores/{store}/products/{id}/archive", OWNER, 200)
                    .param("id", CatalogMatrix::archivableId),
            Entry.store("POST", "/api/stores/{store}/products/imports", STAFF, 201)
                    .csv(f -> CatalogMatrix.csv()),
            Entry.store("GET", "/api/stores/{store}/products/imports/{importId}", STAFF, 200)
                    .param("importId", CatalogMatrix::importId),
            Entry.store("GET", "/api/stores/{store}/warehouses", STAFF, 200),
            Entry.store("POST", "/api/stores/{store}/warehouses", OWNER, 201).body(f -> CatalogMatrix.newWarehouse()),
            Entry.store("GET", "/api/stores/{store}/warehouses/{code}", STAFF, 200)
                    .param("code", CatalogMatrix::warehouse),
            Entry.store("PUT", "/api/stores/{store}/warehouses/{code}", OWNER, 428)
                    .param("code", CatalogMatrix::warehouse)
                    .body(f -> CatalogMatrix.newWarehouse()),
            Entry.store("GET", "/api/stores/{store}/stock", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/stock/settings", STAFF, 200),
            Entry.store("PUT", "/api/stores/{store}/stock/settings", OWNER, 200)
                    .body(f -> "{\"allocationRule\":\"CHEAPEST\"}"),
            Entry.store("GET", "/api/stores/{store}/stock/{warehouse}/{sku}", STAFF, 200)
                    .param("warehouse", CatalogMatrix::warehouse)
                    .param("sku", CatalogMatrix::sku),
            Entry.store("PUT", "/api/stores/{store}/stock/{warehouse}/{sku}", STAFF, 428)
                    .param("warehouse", CatalogMatrix::warehouse)
                    .param("sku", CatalogMatrix::sku)
                    .body(f -> "{\"onHand\":50}"),
            Entry.store("POST", "/api/stores/{store}/stock/{warehouse}/{sku}/adjustments", STAFF, 200)
                    .param("warehouse", CatalogMatrix::warehouse)
                    .param("sku", CatalogMatrix::sku)
                    .body(f -> "{\"delta\":1}"),
            Entry.store("GET", "/api/stores/{store}/stock-reservations", STAFF, 200),
            Entry.store("POST", "/api/stores/{store}/stock-reservations", STAFF, 201)
                    .body(f -> CatalogMatrix.holdBody("mx-control")),
            Entry.store("DELETE", "/api/stores/{store}/stock-reservations/{name}", STAFF, 200)
                    .param("name", CatalogMatrix::hold),
            Entry.store("POST", "/api/stores/{store}/stock-allocations", STAFF, 200)
                    .body(f -> CatalogMatrix.allocationBody()),
            // the storefront read needs catalog:read, a scope neither of the matrix's keys has (403)
            Entry.store("GET", "/api/stores/{store}/storefront/products", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/storefront/products/{handle}", STAFF, 200)
                    .param("handle", CatalogMatrix::handle),
            // --- a store's owner: writes
            Entry.store("PUT", "/api/stores/{store}/settings", OWNER, 200)
                    .body(f -> Json.createObjectBuilder()
                            .add("name", "Hijacked")
                            .add("defaultCurrency", "USD")
                            .add("sellingCountries", Json.createArrayBuilder().add("US"))
                            .add("priceDisplay", "EXCLUDING_TAX")
                            .build()
                            .toString()),
            Entry.store("POST", "/api/stores/{store}/members", OWNER, 201)
                    .body(f -> Json.createObjectBuilder()
                            .add("email", "intruder-" + f.hex + "@example.test")
                            .add("firstName", "Ivo")
                            .add("lastName", "Intruder")
                            .build()
                            .toString()),
            Entry.store("DELETE", "/api/stores/{store}/members/{member}", OWNER, 204),
            Entry.store("POST", "/api/stores/{store}/api-keys", OWNER, 201)
                    .body(f -> Json.createObjectBuilder()
                            .add("name", "intruder")
                            .add(
                                    "scopes",
                                    Json.createArrayBuilder()
                                            .add("storefront:read")
                                            .add("tax:quote"))
                            .build()
                            .toString()),
            Entry.store("DELETE", "/api/stores/{store}/api-keys/{key}", OWNER, 200),
            Entry.store("PUT", "/api/stores/{store}/catalog/{slug}/review", OWNER, 200)
                    .body(f -> Json.createObjectBuilder()
                            .add("stars", 1)
                            .add("title", "Hijacked")
                            .build()
                            .toString()),
            Entry.store("DELETE", "/api/stores/{store}/catalog/{slug}/review", OWNER, 204),
            Entry.store("POST", "/api/stores/{store}/plugins", OWNER, 201)
                    .body(f -> Json.createObjectBuilder()
                            .add("pluginId", f.moderated)
                            .add("consent", Marketplace.consent())
                            .build()
                            .toString()),
            Entry.store("PUT", "/api/stores/{store}/plugins/{plugin}/version", OWNER, 200)
                    .body(f -> Json.createObjectBuilder()
                            .add("pluginId", f.listing)
                            .add("version", "1.1.0")
                            .add("consent", Marketplace.consent())
                            .build()
                            .toString()),
            Entry.store("POST", "/api/stores/{store}/plugins/{plugin}/rollback", OWNER, 200),
            Entry.store("PUT", "/api/stores/{store}/plugins/{plugin}/configuration", OWNER, 200)
                    .body(f -> configuration("hijacked")),
            // right after the change above: a check of a changed installation is never "too soon"
            Entry.store("POST", "/api/stores/{store}/plugins/{plugin}/health", OWNER, 200),
            Entry.store("POST", "/api/stores/{store}/plugins/{plugin}/disable", OWNER, 200)
                    .body(f -> reason("matrix")),
            Entry.store("POST", "/api/stores/{store}/plugins/{plugin}/enable", OWNER, 200),
            Entry.store("DELETE", "/api/stores/{store}/plugins/{plugin}", OWNER, 204),
            // the target store's tax answers nobody from here on: nothing after this quotes it
            Entry.store("PUT", "/api/stores/{store}/answering/{point}", OWNER, 200)
                    .param("point", f -> "TAX_CALCULATOR")
                    .body(f -> Json.createObjectBuilder()
                            .add("rules", Json.createArrayBuilder())
                            .build()
                            .toString()),
            // the store has no dead delivery: the owner is let through and told there is none
            Entry.store("POST", "/api/stores/{store}/events/deliveries/{delivery}/retry", OWNER, 404)
                    .param("delivery", f -> "00000000-0000-0000-0000-000000000000"),

            // --- the store runtime: checkout settings, orders, storefront checkouts, provider notifications.
            // The target store has no catalogue: a checkout's lines name an unknown SKU (400 for the
            // store's people and its checkout key alike) and orders and checkouts are looked up by ids
            // that do not exist (404); what the matrix proves here is who gets that far.
            Entry.store("GET", "/api/stores/{store}/checkout-settings", STAFF, 200),
            Entry.store("PUT", "/api/stores/{store}/checkout-settings", OWNER, 200)
                    .body(f -> Json.createObjectBuilder()
                            .add("captureMode", "ON_SHIPMENT")
                            .add("shippingWarningPercent", 20)
                            .build()
                            .toString()),
            Entry.store("GET", "/api/stores/{store}/orders", STAFF, 200),
            Entry.store("GET", "/api/stores/{store}/orders/{order}", STAFF, 404).param("order", f -> NO_ORDER),
            Entry.store("POST", "/api/stores/{store}/orders/{order}/confirm", OWNER, 404)
                    .param("order", f -> NO_ORDER),
            Entry.store("POST", "/api/stores/{store}/orders/{order}/cancel", OWNER, 404)
                    .param("order", f -> NO_ORDER)
                    .body(f -> "{\"reason\":\"matrix\"}"),
            Entry.store("POST", "/api/stores/{store}/orders/{order}/capture", OWNER, 404)
                    .param("order", f -> NO_ORDER)
                    .body(f -> "{}"),
            Entry.store("POST", "/api/stores/{store}/orders/{order}/refunds", OWNER, 404)
                    .param("order", f -> NO_ORDER)
                    .body(f -> "{\"reason\":\"matrix\"}"),
            Entry.store("POST", "/api/stores/{store}/checkouts", STAFF, Entry.Scope.CHECKOUT_WRITE, 400)
                    .body(f -> CHECKOUT),
            Entry.store("GET", "/api/stores/{store}/checkouts/{checkout}", STAFF, Entry.Scope.CHECKOUT_WRITE, 404)
                    .param("checkout", f -> NO_CHECKOUT),
            Entry.store("PUT", "/api/stores/{store}/checkouts/{checkout}", STAFF, Entry.Scope.CHECKOUT_WRITE, 404)
                    .param("checkout", f -> NO_CHECKOUT)
                    .body(f -> CHECKOUT),
            Entry.store(
                            "PUT",
                            "/api/stores/{store}/checkouts/{checkout}/shipping",
                            STAFF,
                            Entry.Scope.CHECKOUT_WRITE,
                            404)
                    .param("checkout", f -> NO_CHECKOUT)
                    .body(f -> "{\"choices\":{}}"),
            Entry.store(
                            "PUT",
                            "/api/stores/{store}/checkouts/{checkout}/payment-method",
                            STAFF,
                            Entry.Scope.CHECKOUT_WRITE,
                            404)
                    .param("checkout", f -> NO_CHECKOUT)
                    .body(f -> "{\"methodCode\":\"card\"}"),
            // without an Idempotency-Key the placement is refused (400) before anything is looked up
            Entry.store(
                            "POST",
                            "/api/stores/{store}/checkouts/{checkout}/orders",
                            STAFF,
                            Entry.Scope.CHECKOUT_WRITE,
                            400)
                    .param("checkout", f -> NO_CHECKOUT)
                    .body(f -> "{\"expectedTotal\":100}"),
            Entry.store("GET", "/api/stores/{store}/checkouts/{checkout}/order", STAFF, Entry.Scope.CHECKOUT_WRITE, 404)
                    .param("checkout", f -> NO_CHECKOUT),
            Entry.store(
                            "POST",
                            "/api/stores/{store}/checkouts/{checkout}/order/resume",
                            STAFF,
                            Entry.Scope.CHECKOUT_WRITE,
                            404)
                    .param("checkout", f -> NO_CHECKOUT)
                    .body(f -> "{}"),
            Entry.store(
                            "POST",
                            "/api/stores/{store}/checkouts/{checkout}/order/payment",
                            STAFF,
                            Entry.Scope.CHECKOUT_WRITE,
                            404)
                    .param("checkout", f -> NO_CHECKOUT)
                    .body(f -> "{\"paymentToken\":\"tok_success\"}"),
            // open to anyone: the installation's plugin verifies the provider's signature; an installation
            // the store does not have is 404 for everyone, credentials or not
            Entry.open("POST", "/api/stores/{store}/payment-notifications/{installation}", 404)
                    .param("installation", f -> "00000000-0000-0000-0000-000000000000")
                    .body(f -> "{}"),

            // --- plugin developers, on dev's listing
            Entry.developer("GET", "/api/developer/listings", 200).expect(Caller.OTHER_DEVELOPER, 200),
            Entry.developer("GET", "/api/developer/earnings", 200).expect(Caller.OTHER_DEVELOPER, 200),
            Entry.developer("GET", "/api/developer/listings/{slug}", 200).expect(Caller.OTHER_DEVELOPER, 404),
            Entry.developer("GET", "/api/developer/listings/{slug}/versions", 200)
                    .expect(Caller.OTHER_DEVELOPER, 404),
            Entry.developer("GET", "/api/developer/listings/{slug}/versions/{version}", 200)
                    .expect(Caller.OTHER_DEVELOPER, 404),
            Entry.developer("GET", "/api/developer/listings/{slug}/stats", 200).expect(Caller.OTHER_DEVELOPER, 404),
            Entry.developer("GET", "/api/developer/listings/{slug}/event-deliveries", 200)
                    .expect(Caller.OTHER_DEVELOPER, 404),
            Entry.developer("GET", "/api/developer/listings/{slug}/reviews", 200)
                    .expect(Caller.OTHER_DEVELOPER, 404),
            // Everyone else tries to take dev's slug; the other developer is told it is taken.
            Entry.developer("POST", "/api/developer/listings", 201)
                    .expect(Caller.OTHER_DEVELOPER, 409)
                    .body(f -> MatrixFixture.listing(f.listing, "Hijacked", MatrixFixture.oneTime(1))
                            .toString())
                    .controlBody(f -> Marketplace.listing(f.newListing, MatrixFixture.free())
                            .toString()),
            Entry.developer("PUT", "/api/developer/listings/{slug}", 200)
                    .expect(Caller.OTHER_DEVELOPER, 404)
                    .body(f -> MatrixFixture.listing(f.listing, "Hijacked", MatrixFixture.oneTime(1))
                            .toString())
                    .controlBody(f -> MatrixFixture.listing(
                                    f.listing, "Matrix Listing " + f.hex, MatrixFixture.oneTime(4900))
                            .toString()),
            Entry.developer("POST", "/api/developer/listings/{slug}/versions", 201)
                    .expect(Caller.OTHER_DEVELOPER, 404)
                    .jar(f -> Marketplace.echo(f.listing, "1.3.0")),
            Entry.developer("POST", "/api/developer/listings/{slug}/versions/{version}/submit", 200)
                    .expect(Caller.OTHER_DEVELOPER, 404)
                    .param("version", f -> "1.2.0"),

            // --- platform admins ({store} is the spare store)
            Entry.admin("GET", "/api/admin/stores", 200),
            Entry.admin("POST", "/api/admin/stores", 200)
                    .body(f -> Stores.onboardRequest(f.spare, Stores.ownerEmail(f.spare))
                            .toString()),
            Entry.admin("GET", "/api/admin/stores/{store}", 200),
            Entry.admin("GET", "/api/admin/stores/{store}/audit", 200),
            Entry.admin("GET", "/api/admin/stores/{store}/plugins", 200),
            Entry.admin("POST", "/api/admin/stores/{store}/plugins", 201)
                    .body(f -> Json.createObjectBuilder()
                            .add("pluginId", f.listing)
                            .add("version", "1.0.0")
                            .add("configuration", Json.createObjectBuilder())
                            .build()
                            .toString()),
            Entry.admin("GET", "/api/admin/stores/{store}/plugins/{plugin}", 200),
            Entry.admin("PUT", "/api/admin/stores/{store}/plugins/{plugin}/version", 200)
                    .body(f -> Json.createObjectBuilder()
                            .add("version", "1.1.0")
                            .build()
                            .toString()),
            Entry.admin("POST", "/api/admin/stores/{store}/plugins/{plugin}/rollback", 200),
            Entry.admin("PUT", "/api/admin/stores/{store}/plugins/{plugin}/configuration", 200)
                    .body(f -> configuration("admin")),
            Entry.admin("POST", "/api/admin/stores/{store}/plugins/{plugin}/disable", 200)
                    .body(f -> reason("matrix")),
            Entry.admin("POST", "/api/admin/stores/{store}/plugins/{plugin}/enable", 200),
            Entry.admin("DELETE", "/api/admin/stores/{store}/plugins/{plugin}", 204),
            Entry.admin("POST", "/api/admin/stores/{store}/suspend", 200).body(f -> reason("matrix")),
            Entry.admin("POST", "/api/admin/stores/{store}/reactivate", 200),
            Entry.admin("GET", "/api/admin/plugins/releases", 200),
            Entry.admin("GET", "/api/admin/plugins/node", 200),
            Entry.admin("GET", "/api/admin/events/stats", 200),
            Entry.admin("DELETE", "/api/admin/plugins/releases/{release}/quarantine", 204)
                    .param("release", f -> f.listingRelease),
            Entry.admin("GET", "/api/admin/marketplace/reviews", 200),
            Entry.admin("POST", "/api/admin/marketplace/versions/{id}/approve", 200)
                    .param("id", f -> f.moderatedToApprove),
            Entry.admin("POST", "/api/admin/marketplace/versions/{id}/certify", 200)
                    .param("id", f -> f.moderatedApproved),
            Entry.admin("POST", "/api/admin/marketplace/versions/{id}/decertify", 200)
                    .param("id", f -> f.moderatedApproved),
            Entry.admin("POST", "/api/admin/marketplace/versions/{id}/decline", 200)
                    .param("id", f -> f.moderatedToDecline)
                    .body(f -> reason("matrix")),
            Entry.admin("POST", "/api/admin/marketplace/versions/{id}/yank", 200)
                    .param("id", f -> f.moderatedApproved)
                    .body(f -> reason("matrix")),
            Entry.admin("POST", "/api/admin/marketplace/listings/{slug}/suspend", 200)
                    .param("slug", f -> f.moderated)
                    .body(f -> reason("matrix")),
            Entry.admin("POST", "/api/admin/marketplace/listings/{slug}/reinstate", 200)
                    .param("slug", f -> f.moderated),
            Entry.admin("POST", "/api/admin/billing/run", 200).body(f -> "{}"),

            // --- anyone signed in
            Entry.signedIn("GET", "/api/me", 200));

    private static String configuration(String label) {
        JsonObject body = Json.createObjectBuilder()
                .add("configuration", Json.createObjectBuilder().add(MatrixFixture.CONFIG_LABEL, label))
                .build();
        return body.toString();
    }

    private static String reason(String reason) {
        return Json.createObjectBuilder().add("reason", reason).build().toString();
    }
}
