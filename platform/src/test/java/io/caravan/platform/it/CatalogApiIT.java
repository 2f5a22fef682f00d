package io.caravan.platform.it;

import static io.caravan.platform.catalog.CatalogFixtures.onHand;
import static io.caravan.platform.catalog.CatalogFixtures.product;
import static io.caravan.platform.catalog.CatalogFixtures.variant;
import static io.caravan.platform.catalog.CatalogFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.catalog.CatalogHttp;
import io.caravan.platform.catalog.CatalogHttp.Reply;
import io.caravan.platform.it.support.PlatformIT;
import io.caravan.platform.it.support.Stores;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merchant's catalogue API and the storefront read, on a real Liberty (both databases). */
class CatalogApiIT extends PlatformIT {
    @Test
    void productsAreValidatedWholeVersionedAndNothingIsHalfWritten() {
        String slug = Stores.uniqueSlug("cat-products");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String products = "api/stores/" + slug + "/products";

        JsonObject bad = Json.createObjectBuilder()
                .add("handle", "Not A Handle")
                .add("title", "")
                .add("status", "SOLD")
                .add(
                        "variants",
                        Json.createArrayBuilder()
                                .add(variant("MUG-1", "Blue", 1800).add("hsCode", "69.12"))
                                .add(Json.createObjectBuilder()
                                        .add("sku", "MUG 2")
                                        .add(
                                                "prices",
                                                Json.createObjectBuilder()
                                                        .add("EUR", -1)
                                                        .add("XYZ", 5))))
                .build();
        Reply refused = owner.post(products, bad);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.errorFields())
                .containsExactlyInAnyOrder(
                        "handle",
                        "title",
                        "status",
                        "variants[0].hsCode",
                        "variants[1].sku",
                        "variants[1].prices.EUR",
                        "variants[1].prices.XYZ");
        assertThat(owner.get(products).json().getInt("total")).isZero();

        Reply created = owner.post(products, product("azulejo-mug", "ACTIVE", variant("MUG-BLUE", "Blue", 1800)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(created.header("Location")).endsWith("/products/" + id);
        String etag = created.etag();
        assertThat(etag).isEqualTo("\"" + created.json().getJsonNumber("version") + "\"");
        JsonObject mug = created.json().getJsonArray("variants").getJsonObject(0);
        assertThat(mug.getJsonObject("prices").getInt("EUR")).isEqualTo(1800);
        assertThat(mug.getJsonArray("flags").getString(0)).isEqualTo("FRAGILE");

        JsonObject changed = product(
                "azulejo-mug", "ACTIVE", variant("MUG-BLUE", "Blue", 1900), variant("MUG-GREEN", "Green", 1900));
        Reply noIfMatch = owner.put(products + "/" + id, changed, null);
        assertThat(noIfMatch.status()).isEqualTo(428);
        assertThat(noIfMatch.isProblem()).isTrue();
        Reply updated = owner.put(products + "/" + id, changed, etag);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.etag()).isNotEqualTo(etag);
        Reply stale =
                owner.put(products + "/" + id, product("azulejo-mug", "DRAFT", variant("MUG-BLUE", "Blue", 1)), etag);
        assertThat(stale.status()).isEqualTo(412);
        Reply current = owner.get(products + "/" + id);
        assertThat(current.json().getString("status")).isEqualTo("ACTIVE");
        assertThat(current.json().getJsonArray("variants")).hasSize(2);
        assertThat(current.etag()).isEqualTo(updated.etag());

        // a SKU of another product is a conflict, and the second product is not created
        Reply taken = owner.post(products, product("other-mug", "DRAFT", variant("MUG-GREEN", "Green", 100)));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().getString("detail")).contains("MUG-GREEN");
        assertThat(owner.get(products).json().getInt("total")).isEqualTo(1);

        assertThat(owner.get(products + "?q=green").json().getInt("total")).isEqualTo(1);
        assertThat(owner.get(products + "?status=DRAFT").json().getInt("total")).isZero();
        assertThat(owner.get(products + "?category=plates").json().getInt("total"))
                .isZero();
        assertThat(owner.get(products + "?category=mugs").json().getInt("total"))
                .isEqualTo(1);
        assertThat(owner.get(products + "?status=SOLD").status()).isEqualTo(400);

        Reply archived = owner.post(
                products + "/" + id + "/archive", Json.createObjectBuilder().build());
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().getString("status")).isEqualTo("ARCHIVED");
    }

    @Test
    void staffEditButOnlyTheOwnerArchivesAndSetsUpWarehouses() {
        String slug = Stores.uniqueSlug("cat-staff");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String staffEmail = "staff@" + slug + ".test";
        Reply invited = owner.post(
                "api/stores/" + slug + "/members",
                Json.createObjectBuilder()
                        .add("email", staffEmail)
                        .add("firstName", "Tomas")
                        .add("lastName", "Staff")
                        .build());
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        CatalogHttp staff = CatalogHttp.signedIn(base, Stores.signIn(staffEmail));

        Reply created = staff.post(
                "api/stores/" + slug + "/products", product("plate", "DRAFT", variant("PLATE-1", "White", 2400)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(staff.post(
                                "api/stores/" + slug + "/products/" + id + "/archive",
                                Json.createObjectBuilder().build())
                        .status())
                .isEqualTo(403);
        assertThat(staff.post("api/stores/" + slug + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 1))
                        .status())
                .isEqualTo(403);
        assertThat(owner.get("api/stores/" + slug + "/products/" + id).json().getString("status"))
                .isEqualTo("DRAFT");
    }

    @Test
    void stockIsSetWithIfMatchAdjustedNeverBelowReservedAndHeldOnlyWhenAvailable() {
        String slug = Stores.uniqueSlug("cat-stock");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String store = "api/stores/" + slug;
        assertThat(owner.post(store + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 2))
                        .status())
                .isEqualTo(201);
        assertThat(owner.post(store + "/warehouses", warehouse("shenzhen", "ORIGIN_HUB", 6, 500, 1))
                        .status())
                .isEqualTo(201);
        Reply badWarehouse = owner.post(
                store + "/warehouses",
                Json.createObjectBuilder()
                        .add("code", "Bad Code")
                        .add("kind", "MOON_BASE")
                        .add("handlingDays", -1)
                        .add(
                                "fulfilmentCostPerItem",
                                Json.createObjectBuilder().add("amountMinor", 1).add("currency", "EUR"))
                        .add("servesCountries", Json.createArrayBuilder().add("ZZ"))
                        .build());
        assertThat(badWarehouse.status()).isEqualTo(400);
        assertThat(badWarehouse.errorFields())
                .containsExactlyInAnyOrder("code", "name", "address", "kind", "handlingDays", "servesCountries[0]");
        Reply otherCurrency = owner.post(
                store + "/warehouses",
                Json.createObjectBuilder(warehouse("lisbon", "LOCAL", 1, 400, 3))
                        .add(
                                "fulfilmentCostPerItem",
                                Json.createObjectBuilder()
                                        .add("amountMinor", 400)
                                        .add("currency", "EUR"))
                        .build());
        assertThat(otherCurrency.status()).isEqualTo(400);
        assertThat(otherCurrency.errorFields()).containsExactly("fulfilmentCostPerItem.currency");
        assertThat(owner.get(store + "/warehouses").array()).hasSize(2);

        owner.post(store + "/products", product("mug", "ACTIVE", variant("MUG-1", "Blue", 1800)));
        String level = store + "/stock/rotterdam/MUG-1";
        Reply never = owner.get(level);
        assertThat(never.json().getInt("onHand")).isZero();
        assertThat(never.etag()).isEqualTo("\"0\"");
        assertThat(owner.put(level, onHand(5), null).status()).isEqualTo(428);
        Reply set = owner.put(level, onHand(5), "\"0\"");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(owner.put(level, onHand(7), "\"0\"").status()).isEqualTo(412);
        assertThat(owner.put(level, onHand(-1), set.etag()).errorFields()).containsExactly("onHand");
        assertThat(owner.put(store + "/stock/nowhere/MUG-1", onHand(1), "\"0\"").status())
                .isEqualTo(404);
        assertThat(owner.put(store + "/stock/rotterdam/NO-SUCH", onHand(1), "\"0\"")
                        .status())
                .isEqualTo(404);

        Reply held = owner.post(store + "/stock-reservations", hold("phone-order", "rotterdam", "MUG-1", 4));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        Reply tooMuch = owner.post(store + "/stock-reservations", hold("second", "rotterdam", "MUG-1", 2));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.errorFields()).containsExactly("MUG-1");
        assertThat(tooMuch.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("2 requested, 1 available");
        Reply unknown = owner.post(store + "/stock-reservations", hold("third", "rotterdam", "NOPE", 1));
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.errorFields()).containsExactly("NOPE");

        Reply below = owner.post(
                level + "/adjustments",
                Json.createObjectBuilder().add("delta", -2).build());
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.errorFields()).containsExactly("delta");
        Reply overflow = owner.post(
                level + "/adjustments",
                Json.createObjectBuilder().add("delta", Long.MAX_VALUE).build());
        assertThat(overflow.status()).isEqualTo(400);
        Reply added = owner.post(
                level + "/adjustments",
                Json.createObjectBuilder().add("delta", 3).build());
        assertThat(added.status()).isEqualTo(200);
        JsonObject row = owner.get(level).json();
        assertThat(row.getInt("onHand")).isEqualTo(8);
        assertThat(row.getInt("reserved")).isEqualTo(4);
        assertThat(row.getInt("available")).isEqualTo(4);

        assertThat(owner.delete(store + "/stock-reservations/phone-order")
                        .json()
                        .getInt("released"))
                .isEqualTo(1);
        assertThat(owner.get(level).json().getInt("reserved")).isZero();
    }

    @Test
    void allocationPrefersOneWarehouseByTheStoresRuleAndExplainsIt() {
        String slug = Stores.uniqueSlug("cat-alloc");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String store = "api/stores/" + slug;
        owner.post(store + "/warehouses", warehouse("shenzhen", "ORIGIN_HUB", 6, 500, 1));
        owner.post(store + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 2));
        owner.post(store + "/products", product("mug", "ACTIVE", variant("MUG-1", "Blue", 1800)));
        owner.post(store + "/products", product("plate", "ACTIVE", variant("PLATE-1", "White", 2400)));
        owner.put(store + "/stock/shenzhen/MUG-1", onHand(10), "\"0\"");
        owner.put(store + "/stock/shenzhen/PLATE-1", onHand(10), "\"0\"");
        owner.put(store + "/stock/rotterdam/MUG-1", onHand(10), "\"0\"");

        assertThat(owner.get(store + "/stock/settings").json().getString("allocationRule"))
                .isEqualTo("PRIORITY");
        JsonObject order = Json.createObjectBuilder()
                .add("destination", "DE")
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("sku", "MUG-1")
                                        .add("quantity", 2)))
                .build();
        assertThat(consignments(owner.post(store + "/stock-allocations", order)))
                .containsExactly("shenzhen");
        assertThat(owner.put(
                                store + "/stock/settings",
                                Json.createObjectBuilder()
                                        .add("allocationRule", "FASTEST")
                                        .build(),
                                null)
                        .status())
                .isEqualTo(200);
        Reply fastest = owner.post(store + "/stock-allocations", order);
        assertThat(consignments(fastest)).containsExactly("rotterdam");
        assertThat(fastest.json().getJsonArray("consignments").getJsonObject(0).getString("reason"))
                .isEqualTo("Warehouse rotterdam: fastest warehouse serving DE with stock for the line");

        JsonObject both = Json.createObjectBuilder()
                .add("destination", "DE")
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("sku", "MUG-1")
                                        .add("quantity", 2))
                                .add(Json.createObjectBuilder()
                                        .add("sku", "PLATE-1")
                                        .add("quantity", 1)))
                .build();
        assertThat(consignments(owner.post(store + "/stock-allocations", both))).containsExactly("shenzhen");

        Reply bad = owner.post(
                store + "/stock-allocations",
                Json.createObjectBuilder()
                        .add("destination", "XX")
                        .add("rule", "RANDOM")
                        .add(
                                "lines",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("sku", "MUG-1")
                                                .add("quantity", 0)))
                        .build());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("destination", "rule", "lines[0].quantity");
        assertThat(owner.put(
                                store + "/stock/settings",
                                Json.createObjectBuilder()
                                        .add("allocationRule", "RANDOM")
                                        .build(),
                                null)
                        .errorFields())
                .containsExactly("allocationRule");
    }

    @Test
    void theStorefrontReadsActiveProductsAndAvailabilityWithACatalogReadKey() {
        String slug = Stores.uniqueSlug("cat-front");
        CatalogHttp owner = CatalogHttp.newStoreOwner(base, slug);
        String store = "api/stores/" + slug;
        owner.post(store + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 1));
        owner.post(
                store + "/products",
                product("mug", "ACTIVE", variant("MUG-1", "Blue", 1800), variant("MUG-2", "Green", 1800)));
        owner.post(store + "/products", product("secret-draft", "DRAFT", variant("DRAFT-1", "Red", 900)));
        owner.put(store + "/stock/rotterdam/MUG-1", onHand(3), "\"0\"");

        CatalogHttp shop = CatalogHttp.apiKey(base, key(owner, store, "catalog:read"));
        Reply list = shop.get(store + "/storefront/products");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().getInt("total")).isEqualTo(1);
        JsonObject mug = list.json().getJsonArray("items").getJsonObject(0);
        assertThat(mug.getString("handle")).isEqualTo("mug");
        assertThat(mug.getJsonArray("variants").getValuesAs(JsonObject.class).stream()
                        .map(v -> v.getString("sku") + "=" + v.getBoolean("inStock")))
                .containsExactly("MUG-1=true", "MUG-2=false");
        assertThat(list.body())
                .doesNotContain("onHand")
                .doesNotContain("rotterdam")
                .doesNotContain("secret-draft");
        assertThat(shop.get(store + "/storefront/products/mug").status()).isEqualTo(200);
        assertThat(shop.get(store + "/storefront/products/secret-draft").status())
                .isEqualTo(404);
        assertThat(shop.get(store + "/products").status()).isEqualTo(403);

        CatalogHttp withoutScope = CatalogHttp.apiKey(base, key(owner, store, "storefront:read"));
        assertThat(withoutScope.get(store + "/storefront/products").status()).isEqualTo(403);

        String otherSlug = Stores.uniqueSlug("cat-front-b");
        CatalogHttp otherOwner = CatalogHttp.newStoreOwner(base, otherSlug);
        CatalogHttp otherShop = CatalogHttp.apiKey(base, key(otherOwner, "api/stores/" + otherSlug, "catalog:read"));
        Reply foreign = otherShop.get(store + "/storefront/products");
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.body()).doesNotContain("MUG-1");
    }

    @Test
    void storeANeverSeesStoreBsProductsOrStock() {
        String a = Stores.uniqueSlug("cat-iso-a");
        String b = Stores.uniqueSlug("cat-iso-b");
        CatalogHttp ownerA = CatalogHttp.newStoreOwner(base, a);
        CatalogHttp ownerB = CatalogHttp.newStoreOwner(base, b);
        ownerB.post("api/stores/" + b + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 1));
        Reply created = ownerB.post(
                "api/stores/" + b + "/products", product("b-only", "ACTIVE", variant("B-SKU", "Blue", 100)));
        String bProduct = created.json().getString("id");
        ownerB.put("api/stores/" + b + "/stock/rotterdam/B-SKU", onHand(9), "\"0\"");

        assertThat(ownerA.get("api/stores/" + b + "/products").status()).isEqualTo(403);
        assertThat(ownerA.get("api/stores/" + b + "/stock").status()).isEqualTo(403);
        Reply throughOwnStore = ownerA.get("api/stores/" + a + "/products/" + bProduct);
        assertThat(throughOwnStore.status()).isEqualTo(404);
        assertThat(throughOwnStore.body()).doesNotContain("b-only");
        assertThat(ownerA.get("api/stores/" + a + "/products?q=b-only").json().getInt("total"))
                .isZero();
        assertThat(ownerA.get("api/stores/" + a + "/stock").array()).isEmpty();
        assertThat(ownerA.get("api/stores/" + a + "/warehouses").array()).isEmpty();
        // A may reuse B's SKU and warehouse code: uniqueness is per store
        ownerA.post("api/stores/" + a + "/warehouses", warehouse("rotterdam", "OVERSEAS", 2, 300, 1));
        assertThat(ownerA.post("api/stores/" + a + "/products", product("b-only", "ACTIVE", variant("B-SKU", "Red", 1)))
                        .status())
                .isEqualTo(201);
        assertThat(ownerA.get("api/stores/" + a + "/stock/rotterdam/B-SKU")
                        .json()
                        .getInt("onHand"))
                .isZero();
        assertThat(ownerB.get("api/stores/" + b + "/stock/rotterdam/B-SKU")
                        .json()
                        .getInt("onHand"))
                .isEqualTo(9);
    }

    static JsonObject hold(String name, String warehouse, String sku, long quantity) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("expiresAt", java.time.Instant.now().plusSeconds(600).toString())
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("warehouse", warehouse)
                                        .add("sku", sku)
                                        .add("quantity", quantity)))
                .build();
    }

    static String key(CatalogHttp owner, String store, String scope) {
        Reply created = owner.post(
                store + "/api-keys",
                Json.createObjectBuilder()
                        .add("name", "storefront " + scope)
                        .add("scopes", Json.createArrayBuilder().add(scope))
                        .build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("key");
    }

    static List<String> consignments(Reply plan) {
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        return plan.json().getJsonArray("consignments").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("warehouse"))
                .toList();
    }
}
