package io.caravan.platform.catalog;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Request bodies of the catalogue ITs. */
public final class CatalogFixtures {
    private CatalogFixtures() {}

    public static JsonObject warehouse(String code, String kind, int handlingDays, long costCents, int priority) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("name", "Warehouse " + code)
                .add(
                        "address",
                        Json.createObjectBuilder()
                                .add("line1", "Quay 1")
                                .add("city", "Rotterdam")
                                .add("postalCode", "3087")
                                .add("country", "NL"))
                .add("kind", kind)
                .add("handlingDays", handlingDays)
                .add(
                        "fulfilmentCostPerItem",
                        Json.createObjectBuilder().add("amountMinor", costCents).add("currency", "USD"))
                .add("priority", priority)
                .build();
    }

    public static JsonObjectBuilder variant(String sku, String colour, long eurCents) {
        return Json.createObjectBuilder()
                .add("sku", sku)
                .add("options", Json.createObjectBuilder().add("Colour", colour))
                .add("prices", Json.createObjectBuilder().add("EUR", eurCents).add("USD", eurCents + 200))
                .add("weightGrams", 420)
                .add(
                        "dimensions",
                        Json.createObjectBuilder()
                                .add("lengthMm", 120)
                                .add("widthMm", 90)
                                .add("heightMm", 100))
                .add("hsCode", "691200")
                .add("originCountry", "PT")
                .add("flags", Json.createArrayBuilder().add("FRAGILE"));
    }

    public static JsonObject product(String handle, String status, JsonObjectBuilder... variants) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObjectBuilder v : variants) {
            list.add(v);
        }
        return Json.createObjectBuilder()
                .add("handle", handle)
                .add("title", "Product " + handle)
                .add("description", "Hand-made")
                .add("categories", Json.createArrayBuilder().add("mugs"))
                .add("status", status)
                .add("taxCategory", "STANDARD")
                .add("variants", list)
                .build();
    }

    public static JsonObject onHand(long units) {
        return Json.createObjectBuilder().add("onHand", units).build();
    }
}
