package io.caravan.platform.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Carts for the tax quote endpoint. */
public final class Carts {
    private Carts() {}

    /** Two azulejo mugs from Portugal (2 × EUR 18.00, shipping EUR 4.90), excluding tax, on 2026-11-23. */
    public static JsonObject mugs(String destination) {
        return Json.createObjectBuilder()
                .add("currency", "EUR")
                .add("prices", "EXCLUDING_TAX")
                .add("orderDate", "2026-11-23")
                .add(
                        "shipTo",
                        Json.createObjectBuilder().add("country", destination).add("city", "Berlin"))
                .add("shipping", 490)
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("lineId", "1")
                                        .add("sku", "MUG-AZUL")
                                        .add("title", "Azulejo mug")
                                        .add("quantity", 2)
                                        .add("unitPrice", 1800)
                                        .add("weightGrams", 450)
                                        .add("hsCode", "691200")
                                        .add("origin", "PT")))
                .build();
    }

    /**
     * The same mugs with EUR 6.00 off the line, free shipping (EUR 4.90 discounted) and a EUR 3.00
     * cash-on-delivery fee: the tax is due on EUR 30.00 of goods and the fee, not on EUR 36.00.
     */
    public static JsonObject discountedMugsWithCodFee(String destination, long lineDiscount) {
        return Json.createObjectBuilder(mugs(destination))
                .add("shippingDiscount", 490)
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("lineId", "1")
                                        .add("sku", "MUG-AZUL")
                                        .add("title", "Azulejo mug")
                                        .add("quantity", 2)
                                        .add("unitPrice", 1800)
                                        .add("discount", lineDiscount)
                                        .add("weightGrams", 450)
                                        .add("hsCode", "691200")
                                        .add("origin", "PT")))
                .add(
                        "fees",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("feeId", "cod-fee")
                                        .add("kind", "PAYMENT_METHOD")
                                        .add("description", "Cash on delivery fee")
                                        .add("amount", 300)))
                .build();
    }
}
