package io.caravan.archfixture.platform.orders.domain;

import jakarta.ws.rs.core.Response;

/** Wrong: a domain type that knows JAX-RS. */
public final class OrderAnswer {
    private OrderAnswer() {}

    public static Response accepted(Order order) {
        return Response.accepted(order.id()).build();
    }
}
