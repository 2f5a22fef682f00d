package io.caravan.platform.it.matrix;

import io.caravan.platform.it.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The target store's catalogue that the catalogue entries of {@link EndpointTable} address: a
 * warehouse, a product with stock, a product to archive, a hold, an import — made once per
 * fixture by its owner, the first time an entry needs one of them.
 */
final class CatalogMatrix {
    static final String WAREHOUSE = "mx-wh";
    static final String HANDLE = "mx-mug";
    static final String SKU = "MX-MUG-1";
    static final String HOLD = "mx-hold";

    private record Made(String productId, String archivableId, String importId) {}

    private static final Map<MatrixFixture, Made> MADE = new WeakHashMap<>();

    private CatalogMatrix() {}

    static String productId(MatrixFixture f) {
        return made(f).productId();
    }

    static String archivableId(MatrixFixture f) {
        return made(f).archivableId();
    }

    static String importId(MatrixFixture f) {
        return made(f).importId();
    }

    static String warehouse(MatrixFixture f) {
        made(f);
        return WAREHOUSE;
    }

    static String sku(MatrixFixture f) {
        made(f);
        return SKU;
    }

    static String hold(MatrixFixture f) {
        made(f);
        return HOLD;
    }

    static String handle(MatrixFixture f) {
        made(f);
        return HANDLE;
    }

    /** What staff (who may create) send; the control owner sends {@link #newProductOfOwner()}. */
    static String newProduct() {
        return product("mx-created", "MX-CREATED-1").toString();
    }

    static String newProductOfOwner() {
        return product("mx-created-by-owner", "MX-CREATED-2").toString();
    }

    static String newWarehouse() {
        return warehouseBody("mx-new").toString();
    }

    static String holdBody(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("expiresAt", Instant.now().plusSeconds(3600).toString())
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("warehouse", WAREHOUSE)
                                        .add("sku", SKU)
                                        .add("quantity", 1)))
                .build()
                .toString();
    }

    static String allocationBody() {
        return Json.createObjectBuilder()
                .add("destination", "DE")
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("sku", SKU).add("quantity", 1)))
                .build()
                .toString();
    }

    static String csv() {
        return "handle,title,sku,price_EUR\nmx-imported,Imported mug,MX-IMPORTED-1,1500\n";
    }

    private static synchronized Made made(MatrixFixture f) {
        return MADE.computeIfAbsent(f, CatalogMatrix::make);
    }

    private static Made make(MatrixFixture f) {
        Api owner = f.owner;
        String store = "api/stores/" + f.target.slug();
        expect(owner.post(store + "/warehouses", warehouseBody(WAREHOUSE)), 201);
        String productId = expect(owner.post(store + "/products", product(HANDLE, SKU)), 201)
                .json()
                .getString("id");
        String archivableId = expect(owner.post(store + "/products", product("mx-old", "MX-OLD-1")), 201)
                .json()
                .getString("id");
        expect(owner.send("POST", store + "/stock/" + WAREHOUSE + "/" + SKU + "/adjustments", "{\"delta\":100}"), 200);
        expect(owner.send("POST", store + "/stock-reservations", holdBody(HOLD)), 201);
        String importId = expect(
                        owner.send(
                                "POST",
                                store + "/products/imports",
                                "handle,title,sku,price_EUR\nmx-first,First,MX-FIRST-1,100\n"
                                        .getBytes(StandardCharsets.UTF_8),
                                "text/csv"),
                        201)
                .json()
                .getString("id");
        return new Made(productId, archivableId, importId);
    }

    private static Api.Reply expect(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("catalogue fixture: expected " + status + ", got " + reply);
        }
        return reply;
    }

    private static JsonObject product(String handle, String sku) {
        return Json.createObjectBuilder()
                .add("handle", handle)
                .add("title", "Matrix " + handle)
                .add("status", "ACTIVE")
                .add(
                        "variants",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("sku", sku)
                                        .add(
                                                "prices",
                                                Json.createObjectBuilder().add("EUR", 1800))))
                .build();
    }

    private static JsonObject warehouseBody(String code) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("name", "Matrix " + code)
                .add(
                        "address",
                        Json.createObjectBuilder()
                                .add("line1", "Quay 1")
                                .add("city", "Rotterdam")
                                .add("country", "NL"))
                .add("kind", "OVERSEAS")
                .add("handlingDays", 2)
                .add(
                        "fulfilmentCostPerItem",
                        Json.createObjectBuilder().add("amountMinor", 300).add("currency", "USD"))
                .build();
    }
}
