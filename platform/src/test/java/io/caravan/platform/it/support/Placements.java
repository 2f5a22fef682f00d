package io.caravan.platform.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.it.support.Shops.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;

/** A storefront's checkout and placement of one mug to Germany paid by card, as the harnesses repeat it. */
public final class Placements {
    private Placements() {}

    /** A checkout with card chosen, and the placement body for its total. */
    public record ReadyToPlace(String checkout, JsonObject body) {}

    /** Opens a checkout for one mug to Germany and chooses card (the sandbox gateway's {@code tok_success}). */
    public static ReadyToPlace readyToPlace(Api storefront, Shop shop) {
        Api.Reply opened = storefront.post(shop.path("checkouts"), Shops.checkout("DE", 1));
        expect(opened, 201);
        String checkout = opened.json().getString("id");
        Api.Reply card = storefront.put(
                shop.path("checkouts/" + checkout + "/payment-method"),
                Json.createObjectBuilder().add("methodCode", "card").build());
        expect(card, 200);
        long total = card.json()
                .getJsonObject("quote")
                .getJsonObject("totals")
                .getJsonNumber("total")
                .longValue();
        return new ReadyToPlace(
                checkout,
                Json.createObjectBuilder()
                        .add("expectedTotal", total)
                        .add("paymentToken", "tok_success")
                        .build());
    }

    /** Places it under a new Idempotency-Key. */
    public static Api.Reply place(Api storefront, Shop shop, ReadyToPlace ready) {
        return storefront
                .withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post(shop.path("checkouts/" + ready.checkout() + "/orders"), ready.body());
    }

    /** One order, placed and paid. */
    public static void placeOne(Api storefront, Shop shop) {
        Api.Reply placed = place(storefront, shop, readyToPlace(storefront, shop));
        expect(placed, 201);
        assertThat(placed.json().getString("paymentStatus"))
                .as(placed.toString())
                .isEqualTo("PAID");
    }

    /** Fails with the whole answer unless it has this status. */
    public static void expect(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + ": " + reply);
        }
    }
}
